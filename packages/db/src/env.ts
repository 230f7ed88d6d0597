import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the folder whose package.json declares the workspaces. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'turbo.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('Đồng Hành: cannot find the repository root (turbo.json)');
    dir = up;
  }
  return dir;
}

/** Where the embedded stack keeps its state; `npm run reset` wipes it. */
export function dataDir(): string {
  return resolve(process.env.DONGHANH_DATA_DIR ?? join(repoRoot(), '.data'));
}
