import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppRouter } from '@donghanh/api';
import type { Db } from '@donghanh/db';
import { demoCampaign, demoCases, loadDemoOrganisation } from '@donghanh/db/seed';
import type { CaseCategory } from '@donghanh/domain';
import {
  assignHelperUpdate,
  caseWorkflowId,
  respondOfferUpdate,
  reviewPlanUpdate,
  stateQuery,
  submitPlanUpdate,
} from '@donghanh/workflows/messages';
import { Client, Connection } from '@temporalio/client';
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

const DEMO_FLAG = 'demo-data-v2';

/**
 * Loads the demo once: the organisation directly (reference data), the cases through the API
 * and their workflows, like the people would. Steps after screening go to the workflow as the
 * demo teachers and coordinators (their API procedures arrive with sign-in). Safe to re-run
 * after a failure midway: every step checks the case's state first.
 */
export async function loadDemoData(
  db: Db,
  baseUrl: string,
  temporalAddress: string,
  say: (m: string) => void,
): Promise<void> {
  if (await db.systemFlag.findUnique({ where: { key: DEMO_FLAG } })) return;
  if (process.env.DONGHANH_DEMO === '0') return;
  say('dữ liệu demo / loading demo data (once)');
  await loadDemoOrganisation(db);
  const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc` })] });
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  try {
    for (const c of demoCases) {
      const { caseId } = await api.case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId: c.studentId,
        categories: [...c.categories] as CaseCategory[],
        source: 'staff_proposal',
      });
      const stage = async () =>
        (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { stage: true } })).stage;
      if (c.advance === 'none') continue;
      if ((await stage()) === 'identified') {
        await api.case.screen.mutate(
          c.advance === 'accept'
            ? { caseId, decision: 'accept' }
            : { caseId, decision: 'decline', reason: 'Gia đình đã được hỗ trợ đủ theo Nghị định 66/2025' },
        );
      }
      if (!c.helper || !c.coordinatorId) continue;
      const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
      let state = await handle.query(stateQuery);
      if (state.stage === 'assignment' && !state.offer) {
        await handle.executeUpdate(assignHelperUpdate, {
          args: [
            {
              taskId: `${caseId}:assign:${state.assignmentRound}`,
              actorId: c.coordinatorId,
              helperId: c.helper,
            },
          ],
        });
        state = await handle.query(stateQuery);
      }
      if (c.accept && state.offer) {
        await handle.executeUpdate(respondOfferUpdate, {
          args: [{ taskId: state.offer.taskId, actorId: c.helper, accept: true }],
        });
        state = await handle.query(stateQuery);
      }
      const planTask = `${caseId}:plan:${state.planVersion}`;
      if (c.plan && state.stage === 'plan' && state.openTaskIds.includes(planTask)) {
        await handle.executeUpdate(submitPlanUpdate, {
          args: [
            {
              taskId: planTask,
              actorId: c.helper,
              goals: {
                week: 'Kèm Toán hai buổi mỗi tuần',
                month: 'Đi học đầy đủ, hoàn thành bài tập về nhà',
                semester: 'Học lực môn Toán đạt mức Đạt',
              },
              kinds: ['tutoring', 'family_contact'],
            },
          ],
        });
        state = await handle.query(stateQuery);
      }
      const reviewTask = `${caseId}:plan-review:${state.planVersion}`;
      if (c.approve && state.openTaskIds.includes(reviewTask)) {
        await handle.executeUpdate(reviewPlanUpdate, {
          args: [{ taskId: reviewTask, actorId: c.coordinatorId, approve: true }],
        });
      }
    }
  } finally {
    await connection.close();
  }
  await db.systemFlag.create({ data: { key: DEMO_FLAG, value: new Date().toISOString() } });
}
