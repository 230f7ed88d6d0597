import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

/**
 * A server or worker without the data key would write children's data into Temporal history in
 * clear (or fail on the first sealed payload): both refuse to start, saying why in both languages.
 */
const base = { DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/db' };
const root = join(import.meta.dirname, '..', '..', '..');

describe('the data key is required at start', () => {
  it('the server refuses a missing or malformed DATA_KEY and takes a good one', () => {
    expect(() => loadConfig(base)).toThrow(/DATA_KEY.*bắt buộc \/ is required/);
    expect(() => loadConfig({ ...base, DATA_KEY: randomBytes(16).toString('base64') })).toThrow(
      /DATA_KEY.*32 bytes/,
    );
    expect(() => loadConfig({ ...base, DATA_KEY: 'không phải khóa' })).toThrow(/DATA_KEY.*32 bytes/);
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ ...base, DATA_KEY: key }).DATA_KEY).toBe(key);
  });

  it('the worker process exits at once with a bilingual message', async () => {
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'apps/worker/src/main.ts')], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', ...base, ...env },
        timeout: 30_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code?: number; stderr?: string }) => ({ code: e.code, stderr: String(e.stderr) }),
      );
    const missing = await run({});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Thiếu DATA_KEY.*DATA_KEY is missing/);
    const malformed = await run({ DATA_KEY: 'abc' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/DATA_KEY.*must be 32 bytes/);
  }, 60_000);
});
