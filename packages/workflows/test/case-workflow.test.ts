import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CaseActivities } from '../src/activities';
import {
  type CaseWorkflowInput,
  caseWorkflowId,
  identifyUpdate,
  screenUpdate,
  stateQuery,
} from '../src/messages';
import { startTestTemporal } from '../src/testing';
import { workflowsPath } from '../src/worker';

/**
 * The case workflow on a real Temporal dev server, with in-memory activities: these tests are
 * about the workflow's rules (the activities' database writes are tested in the server's
 * integration tests).
 */
let env: TestWorkflowEnvironment;
const calls: { name: string; args: unknown }[] = [];

const unused = async (): Promise<never> => {
  throw new Error('not used by these tests');
};
const fakeActivities: CaseActivities = {
  async recordIdentified(input) {
    calls.push({ name: 'recordIdentified', args: input });
    return { eventId: String(calls.length), screeningTaskId: `${input.caseId}:screening`, code: input.code };
  },
  async recordScreening(args) {
    calls.push({ name: 'recordScreening', args });
    const accepted = args.decision === 'accept';
    return {
      caseId: args.caseId,
      stage: accepted ? 'assignment' : 'declined',
      eventId: String(calls.length),
      assignTaskId: accepted ? `${args.caseId}:assign:1` : null,
    };
  },
  recordOffer: unused,
  recordOfferAnswer: unused,
  recordOfferExpired: unused,
  warnOfferLapsing: unused,
  recordPlanSubmitted: unused,
  recordPlanReviewed: unused,
  planTerm: unused,
  beginTerm: unused,
  openCheckIn: unused,
  remindCheckIn: unused,
  escalateCheckIn: unused,
  recordCheckIn: unused,
  amendCheckIn: unused,
  acknowledge: unused,
  openEvaluation: unused,
  recordEvaluationDraft: unused,
  recordEvaluationReview: unused,
  recordEvaluationSignOff: unused,
  proposeClosure: unused,
  decideClosure: unused,
  reopen: unused,
  openAssignmentAfterReopen: unused,
  requestTransfer: unused,
  answerTransfer: unused,
  replaceHelper: unused,
  openReturnConfirmation: unused,
  recordReturn: unused,
  addNote: unused,
  withdrawConsent: unused,
  personalDataEraseAt: unused,
  erasePersonalDataOf: unused,
  childTurnsSevenAt: async () => null,
  askChildConsent: unused,
  childConsentGiven: unused,
  deleteClosedCaseRuns: unused,
  confirmCaseRunsGone: unused,
  recordHistoryErased: unused,
  deleteRunsBeforeWithdrawal: unused,
  recordConsent: unused,
  recordLegalBasis: unused,
  applyRetention: unused,
  planNotificationMail: unused,
  deliverNotificationMail: unused,
  deliverDigest: unused,
};

function input(caseId: string): CaseWorkflowInput {
  return {
    caseId,
    code: `HS25-${caseId.slice(0, 6).toUpperCase()}`,
    campaignId: 'camp',
    studentId: `st-${caseId}`,
    schoolId: 's1',
    schoolUnitId: 'u1',
    categories: ['dropout_risk'],
    source: 'staff_proposal',
    clock: { anchorMs: 0, anchorDate: '2026-11-01', msPerDay: 86_400_000 },
  };
}

/** The workflow's refusal code travels in the details of the update failure's cause. */
async function updateRejection(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as
    | { details?: { refusal?: unknown }[] }
    | undefined;
  return String(cause?.details?.[0]?.refusal);
}

async function withWorker<T>(taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowsPath,
    activities: fakeActivities,
    maxCachedWorkflows: 10,
  });
  return worker.runUntil(fn);
}

function identify(taskQueue: string, caseId: string) {
  return env.client.workflow.executeUpdateWithStart(identifyUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
      workflowId: caseWorkflowId(caseId),
      taskQueue,
      args: [input(caseId)],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
}

beforeAll(async () => {
  env = await startTestTemporal(inject('temporalCli'));
});
afterAll(async () => {
  await env?.teardown();
});

describe('case workflow', () => {
  it('writes the case once and answers every identify with the same case', async () => {
    const tq = `q-${randomUUID()}`;
    const caseId = randomUUID().slice(0, 8);
    await withWorker(tq, async () => {
      const results = await Promise.all([identify(tq, caseId), identify(tq, caseId), identify(tq, caseId)]);
      expect(new Set(results.map((r) => r.eventId)).size).toBe(1);
      expect(results[0]?.caseId).toBe(caseId);
      const state = await env.client.workflow.getHandle(caseWorkflowId(caseId)).query(stateQuery);
      expect(state.stage).toBe('identified');
      expect(state.openTaskIds).toEqual([`${caseId}:screening`]);
    });
    expect(
      calls.filter((c) => c.name === 'recordIdentified' && (c.args as CaseWorkflowInput).caseId === caseId),
    ).toHaveLength(1);
    const runs = [];
    for await (const w of env.client.workflow.list({ query: `WorkflowId = '${caseWorkflowId(caseId)}'` }))
      runs.push(w);
    expect(runs.length).toBeLessThanOrEqual(1); // visibility may lag, but never shows two runs
  });

  it('rejects a stale task, a decline without reason and a second screening before writing', async () => {
    const tq = `q-${randomUUID()}`;
    const caseId = randomUUID().slice(0, 8);
    await withWorker(tq, async () => {
      await identify(tq, caseId);
      const handle = env.client.workflow.getHandle(caseWorkflowId(caseId));
      const before = calls.length;
      expect(
        await updateRejection(
          handle.executeUpdate(screenUpdate, {
            args: [{ taskId: 'other:screening', actorId: 'u', decision: 'accept' }],
          }),
        ),
      ).toBe('TASK_STALE');
      expect(
        await updateRejection(
          handle.executeUpdate(screenUpdate, {
            args: [{ taskId: `${caseId}:screening`, actorId: 'u', decision: 'decline' }],
          }),
        ),
      ).toBe('DECLINE_REASON_REQUIRED');
      expect(calls.length).toBe(before); // validators rejected: no activity ran

      const ok = await handle.executeUpdate(screenUpdate, {
        args: [{ taskId: `${caseId}:screening`, actorId: 'u', decision: 'accept' }],
      });
      expect(ok.stage).toBe('assignment');
      expect(
        await updateRejection(
          handle.executeUpdate(screenUpdate, {
            args: [{ taskId: `${caseId}:screening`, actorId: 'u', decision: 'accept' }],
          }),
        ),
      ).toBe('NOT_AT_SCREENING');
      expect((await handle.query(stateQuery)).stage).toBe('assignment');
    });
  });

  it('ends the workflow when the case is declined', async () => {
    const tq = `q-${randomUUID()}`;
    const caseId = randomUUID().slice(0, 8);
    await withWorker(tq, async () => {
      await identify(tq, caseId);
      const handle = env.client.workflow.getHandle(caseWorkflowId(caseId));
      await handle.executeUpdate(screenUpdate, {
        args: [
          { taskId: `${caseId}:screening`, actorId: 'u', decision: 'decline', reason: 'Đã được hỗ trợ' },
        ],
      });
      const final = await handle.result();
      expect(final.stage).toBe('declined');
    });
  });

  it('survives a worker restart mid-case (the new worker replays the history)', async () => {
    const tq = `q-${randomUUID()}`;
    const caseId = randomUUID().slice(0, 8);
    await withWorker(tq, () => identify(tq, caseId));
    // A brand-new worker has nothing cached: it must rebuild the state from history.
    const result = await withWorker(tq, () =>
      env.client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(screenUpdate, {
        args: [{ taskId: `${caseId}:screening`, actorId: 'u', decision: 'accept' }],
      }),
    );
    expect(result.stage).toBe('assignment');
    expect(
      calls.filter((c) => c.name === 'recordIdentified' && (c.args as CaseWorkflowInput).caseId === caseId),
    ).toHaveLength(1);
  });
});
