import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = join(packageDir, 'prisma', 'migrations');

/** Migrations shipped in the repo, by folder name. */
export function shippedMigrations(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => statSync(join(migrationsDir, name)).isDirectory())
    .sort();
}

/** Names of migrations the database records as finished (empty when it has none yet). */
async function appliedMigrations(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(r.rows.map((row) => row.migration_name));
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return new Set(); // no table yet
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations with `prisma migrate deploy` (the JS schema engine). The engine
 * takes seconds to load even with nothing to do, so a database that already has every shipped
 * migration skips it: later `npm start`s stay fast.
 */
export async function migrateDeploy(databaseUrl: string): Promise<{ applied: boolean }> {
  const applied = await appliedMigrations(databaseUrl);
  if (shippedMigrations().every((name) => applied.has(name))) return { applied: false };
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [join(packageDir, 'scripts/prisma.mjs'), 'migrate', 'deploy'], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b: Buffer) => output.push(b.toString()));
    child.stderr.on('data', (b: Buffer) => output.push(b.toString()));
    child.on('error', reject);
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed:\n${output.join('')}`);
  return { applied: true };
}
