import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppRouter } from '@donghanh/api';
import type { Db } from '@donghanh/db';
import { demoCampaign, demoCases, loadDemoOrganisation } from '@donghanh/db/seed';
import { createTRPCClient, httpLink } from '@trpc/client';

/** Builds the dashboard through Turborepo, whose cache makes later starts near-instant. */
export function buildWeb(root: string, say: (m: string) => void): Promise<void> {
  say('giao diện / building the dashboard (cached after the first time)');
  return new Promise((resolve, reject) => {
    const proc = spawn(
      join(root, 'node_modules', '.bin', 'turbo'),
      ['run', 'build', '--filter=@donghanh/web', '--output-logs=errors-only', '--log-prefix=none'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      },
    );
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`web build failed (exit ${code})`)),
    );
  });
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not healthy after ${timeoutMs / 1000} s: ${last}`);
}

const DEMO_FLAG = 'demo-data-v1';

/**
 * Loads the demo once: the organisation directly (reference data), the cases through the API
 * and their workflows, like a coordinator would. Safe to re-run after a failure midway.
 */
export async function loadDemoData(db: Db, baseUrl: string, say: (m: string) => void): Promise<void> {
  if (await db.systemFlag.findUnique({ where: { key: DEMO_FLAG } })) return;
  if (process.env.DONGHANH_DEMO === '0') return;
  say('dữ liệu demo / loading demo data (once)');
  await loadDemoOrganisation(db);
  const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc` })] });
  for (const c of demoCases) {
    const { caseId } = await api.case.identify.mutate({
      campaignId: demoCampaign.id,
      studentId: c.studentId,
      categories: [...c.categories],
      source: 'staff_proposal',
    });
    const current = await db.case.findUnique({ where: { id: caseId }, select: { stage: true } });
    if (c.advance === 'none' || current?.stage !== 'identified') continue;
    await api.case.screen.mutate(
      c.advance === 'accept'
        ? { caseId, decision: 'accept' }
        : { caseId, decision: 'decline', reason: 'Gia đình đã được hỗ trợ đủ theo Nghị định 66/2025' },
    );
  }
  await db.systemFlag.create({ data: { key: DEMO_FLAG, value: new Date().toISOString() } });
}
