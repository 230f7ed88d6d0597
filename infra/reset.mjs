#!/usr/bin/env node
// `npm run reset`: wipes .data/ (database, Temporal history), refusing while a stack runs on it.
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const data = resolve(
  process.env.DONGHANH_DATA_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '.data'),
);
const lock = join(data, 'stack.lock');
if (existsSync(lock)) {
  try {
    const { pid } = JSON.parse(readFileSync(lock, 'utf8'));
    process.kill(pid, 0);
    console.error(
      `Đồng Hành đang chạy (pid ${pid}) — dừng trước khi xoá dữ liệu. / Stop the running stack first.`,
    );
    process.exit(1);
  } catch (error) {
    if (error.code === 'EPERM') process.exit(1);
  }
}
// As root with a checkout the postgres user cannot reach (e.g. under /root), the database lives
// under /var/tmp/donghanh-postgres and .data/postgres links to it: wipe it too.
const pgLink = join(data, 'postgres');
try {
  if (lstatSync(pgLink).isSymbolicLink()) {
    const target = readlinkSync(pgLink);
    rmSync(target, { recursive: true, force: true });
    console.log(`Đã xoá / wiped ${target}`);
  }
} catch {
  // no database yet
}
rmSync(data, { recursive: true, force: true });
console.log(`Đã xoá / wiped ${data}`);
