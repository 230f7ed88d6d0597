import { join } from 'node:path';
import { exitWithParent, repoRoot } from '@donghanh/db';
import { startServer } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const webDist = config.WEB_DIST ?? join(repoRoot(), 'apps/web/dist');
try {
  const server = await startServer({ ...config, WEB_DIST: webDist });
  console.log(`[server] http://localhost:${server.port} (pid ${process.pid})`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[server] ${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  exitWithParent(shutdown);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    console.error(
      `[server] Cổng ${config.PORT} đang được dùng / port ${config.PORT} is in use. Is another Đồng Hành running?`,
    );
  } else {
    console.error(`[server] failed to start: ${e.message}`);
  }
  process.exit(1);
}
