#!/usr/bin/env node
// `npm test`: lint, typecheck, build the dashboard, then every test in one Vitest run (unit,
// workflow tests on a real Temporal dev server, integration on an embedded PostgreSQL, and the
// browser test in Chromium). Ends with the plain "N passed, N failed" line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTemporalCli } from './ensure-temporal.mjs';
import { closingLine, countTests, failedStep } from './test-count.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const started = Date.now();

function step(title, cmd, args) {
  const t = Date.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(
      `\n✗ ${title} failed (exit ${r.status ?? r.signal})\n${closingLine(failedStep(title))}\n`,
    );
    process.exit(r.status || 1);
  }
  process.stdout.write(`✓ ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium is needed for the browser test and was not found at ${chromium}.\n` +
      'Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH. .ci/run installs it.',
  );
  process.stdout.write(`${closingLine(failedStep('Chromium check'))}\n`);
  process.exit(1);
}
try {
  env.TEMPORAL_CLI = await ensureTemporalCli();
} catch (error) {
  console.error(error.message);
  process.stdout.write(`${closingLine(failedStep('Temporal CLI'))}\n`);
  process.exit(1);
}

step('lint + format (biome)', bin('biome'), ['check', '.']);
step('typecheck (tsc, every workspace)', bin('turbo'), ['run', 'typecheck', '--output-logs=errors-only']);
step('typecheck infra and test setup', bin('tsc'), ['-p', 'infra']);
step('typecheck test setup', bin('tsc'), ['-p', 'test']);
step('build the dashboard', bin('turbo'), [
  'run',
  'build',
  '--filter=@donghanh/web',
  '--output-logs=errors-only',
]);

const out = mkdtempSync(join(tmpdir(), 'donghanh-vitest-'));
const report = join(out, 'report.json');
const t = Date.now();
process.stdout.write('\n▶ tests (vitest)\n');
const run = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
const count = countTests(existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null, run.status);
rmSync(out, { recursive: true, force: true });
process.stdout.write(
  `\ntests took ${((Date.now() - t) / 1000).toFixed(1)} s; npm test took ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.stdout.write(`${closingLine(count)}\n`);
process.exit(run.status === 0 && count.failed === 0 ? 0 : 1);
