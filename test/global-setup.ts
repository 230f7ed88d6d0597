/// <reference path="./vitest-context.d.ts" />
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDeploy } from '@donghanh/db';
import { startEmbeddedPostgres } from '@donghanh/db/embedded';
import { withDatabase } from '@donghanh/db/testing';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { ensureTemporalCli } from '../infra/ensure-temporal.mjs';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** One embedded PostgreSQL cluster per run, with a migrated template database. */
export default async function setup(project: TestProject) {
  const temporalCli: string = await ensureTemporalCli();
  const dir = mkdtempSync(join(tmpdir(), 'donghanh-test-pg-'));
  const cluster = await startEmbeddedPostgres({
    directory: dir,
    port: await freePort(),
    database: 'postgres',
    ephemeral: true,
  });
  const template = 'donghanh_template';
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await migrateDeploy(withDatabase(cluster.url, template));

  project.provide('pgAdminUrl', cluster.url);
  project.provide('pgTemplate', template);
  project.provide('temporalCli', temporalCli);
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
