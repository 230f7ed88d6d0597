/**
 * Class-list import benchmark: starts the real stack (embedded PostgreSQL, Temporal dev server,
 * worker, HTTP server), builds a 5,000-row ministry-style .xlsx, and imports it end to end the
 * way the wizard does: HTTP upload → preview → start → chunks until finished. Prints each phase
 * and the total (target ≤ 10 s for 5,000 rows).
 *
 *   npx tsx bench/import-class-list.ts      (BENCH_ROWS overrides the row count)
 */
import { performance } from 'node:perf_hooks';
import { migrateDeploy } from '@donghanh/db';
import { loadDemoOrganisation } from '@donghanh/db/seed';
import { withDatabase } from '@donghanh/db/testing';
import { signedInClient, signIn, startTestStack } from '@donghanh/server/testing';
import pg from 'pg';
// @ts-expect-error plain ESM script without types
import { ensureTemporalCli } from '../infra/ensure-temporal.mjs';
import { manyPupils, ministryWorkbook } from '../packages/api/test/support/class-list-files';
import { Cleanups, intEnv, log, machineLine, ms, startBenchPostgres } from './bench-kit';

const ROWS = intEnv('BENCH_ROWS', 5000);

async function main() {
  const cleanups = new Cleanups();
  try {
    const temporalCli: string = await ensureTemporalCli();
    const cluster = await startBenchPostgres('donghanh-bench-pg-', 'postgres', cleanups);
    const template = 'bench_template';
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${template}"`);
    } finally {
      await admin.end();
    }
    await migrateDeploy(withDatabase(cluster.url, template));
    const stack = await startTestStack({ pgAdminUrl: cluster.url, pgTemplate: template, temporalCli });
    cleanups.push(['test stack', () => stack.stop()]);
    await loadDemoOrganisation(stack.database.db);
    const file = await ministryWorkbook(manyPupils(ROWS));
    log(`${ROWS}-row workbook: ${(file.length / 1024).toFixed(0)} KiB`);
    const cookie = await signIn(stack.baseUrl, 'ct.huong');
    const api = await signedInClient(stack.baseUrl, 'ct.huong');

    const phases: [string, number][] = [];
    const t0 = performance.now();
    let t = t0;
    const lap = (name: string) => {
      const now = performance.now();
      phases.push([name, now - t]);
      t = now;
    };
    const res = await fetch(`${stack.baseUrl}/upload/class-list?schoolId=s-thcs-chiengle`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': 'ds.xlsx' },
      body: file,
    });
    const { uploadId } = (await res.json()) as { uploadId: string };
    if (!res.ok || !uploadId) throw new Error(`upload failed: HTTP ${res.status}`);
    lap('upload (checks + read)');
    const preview = await api.classList.preview.query({ uploadId, onlyNotable: true, limit: 200 });
    lap('preview (plan, first page)');
    let p = await api.classList.start.mutate({ uploadId });
    lap('start (plan fixed, classes)');
    while (!p.finished) p = await api.classList.importChunk.mutate({ uploadId });
    lap('chunks (write pupils)');
    const total = performance.now() - t0;
    const created = await stack.database.db.student.count({ where: { moetCode: { startsWith: '015' } } });
    console.log(machineLine());
    console.log(`| phase | ms |\n| --- | ---: |`);
    for (const [name, v] of phases) console.log(`| ${name} | ${ms(v)} |`);
    console.log(`| **total, ${ROWS} rows** | **${ms(total)}** |`);
    console.log(`rows planned: ${preview.counts?.rows}, pupils created: ${created}`);
    if (created !== ROWS) throw new Error(`expected ${ROWS} pupils, found ${created}`);
  } finally {
    await cleanups.run();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
