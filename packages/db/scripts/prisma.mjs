#!/usr/bin/env node
// Runs the Prisma CLI with DATABASE_URL always set: without it Prisma 6 tries to download a
// native query engine. `generate` never connects, so a placeholder is enough there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://placeholder@127.0.0.1:1/placeholder',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: join(here, '..'),
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
