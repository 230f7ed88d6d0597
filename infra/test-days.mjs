#!/usr/bin/env node
// `npm run test:days`: the tests whose story depends on the school calendar's "today", run once
// per chosen day with DONGHANH_TODAY pinned there (one file at a time: the browser tests share
// the machine's cores). Proves that no outcome depends on the day the suite runs.
//   npm run test:days                                   the default days below, default files
//   npm run test:days -- --days 2027-03-10 apps/server/test/tasks.browser.test.ts
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Semester I, semester II, summer, and either side of a month's turn. */
export const DAYS = ['2026-10-15', '2027-03-10', '2027-07-01', '2026-11-30', '2026-12-01'];

/** Every test that reads the calendar's today: the demo-driven browser tests and the workflow tests on the pinned clock. */
export const CLOCK_SENSITIVE = [
  'packages/db/test/clock.test.ts',
  'packages/domain/test/campaign',
  'packages/workflows/test/case-lifecycle.test.ts',
  'packages/workflows/test/case-closure.test.ts',
  'apps/server/test/demo-cases.browser.test.ts',
  'apps/server/test/tasks.browser.test.ts',
  'apps/server/test/case-page.browser.test.ts',
  'apps/server/test/coordination.browser.test.ts',
  'apps/server/test/sign-off.browser.test.ts',
  'apps/server/test/identify.browser.test.ts',
  'apps/server/test/walk.browser.test.ts',
];

const args = process.argv.slice(2);
let days = DAYS;
const at = args.indexOf('--days');
if (at >= 0) {
  days = (args[at + 1] ?? '').split(',').filter(Boolean);
  args.splice(at, 2);
}
const files = args.length ? args : CLOCK_SENSITIVE;
// The browser tests serve apps/web/dist: a dashboard built before the last change would test the
// old screens (npm test builds it too).
if (files.some((f) => f.includes('.browser.'))) {
  process.stdout.write('▶ build the dashboard\n');
  const build = spawnSync(
    join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'build', '--filter=@donghanh/web', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    process.stdout.write('0 passed, 1 failed (the dashboard did not build)\n');
    process.exit(1);
  }
}
const results = [];
for (const day of days)
  for (const file of files) {
    const t = Date.now();
    process.stdout.write(`\n▶ DONGHANH_TODAY=${day} ${file}\n`);
    const r = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', file], {
      cwd: root,
      env: { ...process.env, DONGHANH_TODAY: day },
      stdio: 'inherit',
    });
    results.push({ day, file, ok: r.status === 0, seconds: (Date.now() - t) / 1000 });
  }
process.stdout.write('\n');
for (const r of results)
  process.stdout.write(`${r.ok ? '✓' : '✗'} ${r.day}  ${r.file}  (${r.seconds.toFixed(1)} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`${results.length - failed} passed, ${failed} failed (file × day)\n`);
process.exit(failed ? 1 : 0);
