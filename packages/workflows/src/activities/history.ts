import { withCaseEvent } from '@donghanh/db';
import { ApplicationFailure } from '@temporalio/common';
import { stepKeys } from '../case/task-ids';
import type { CaseHistories, CaseRun } from '../history/case-histories';
import type { ActivityDeps } from './support';

/** Failure type of a deletion that must wait: a run of the case is still open, or not yet gone. */
export const HISTORY_NOT_READY = 'HistoryNotReady';

/**
 * Reads again for a few seconds until `done`: Temporal closes the run and deletes asynchronously,
 * usually within moments; waiting here spares a retry (and its logged failure) for each.
 */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean, forMs = 45_000): Promise<T> {
  const end = Date.now() + forMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Waits until none of these deleted runs can be described any more. A deletion asked just as a
 * run closed can be dropped by the server, so it is asked again every 2 s.
 */
async function confirmDeleted(histories: CaseHistories, caseId: string, runIds: string[]): Promise<void> {
  let asked = Date.now();
  const heldStill = async () => {
    const held: string[] = [];
    for (const runId of runIds) if (await histories.holds(caseId, runId)) held.push(runId);
    if (held.length > 0 && Date.now() - asked > 2_000) {
      for (const runId of held) await histories.deleteRun(caseId, runId);
      asked = Date.now();
    }
    return held;
  };
  const left = await settled(heldStill, (held) => held.length === 0);
  if (left.length > 0)
    throw ApplicationFailure.create({
      type: HISTORY_NOT_READY,
      message: `${left.length} run(s) of case ${caseId}'s workflow not deleted yet`,
    });
}

export function historiesOf(deps: ActivityDeps): CaseHistories {
  if (!deps.histories)
    throw ApplicationFailure.create({
      type: 'HistoriesNotConfigured',
      message: 'The worker was built without a Temporal client for the erasure of case histories',
      nonRetryable: true,
    });
  return deps.histories;
}

/** The erasure of a case's Temporal histories (workflows/history-erasure.ts). */
export function historyActivities(deps: ActivityDeps) {
  return {
    /**
     * Deletes every closed run of the case's workflow. While a run is still open (the last run
     * completes just after the erasure) nothing is deleted and the activity is retried: the
     * histories go all together, once the case's workflow is over.
     */
    async deleteClosedCaseRuns(args: { caseId: string }): Promise<string[]> {
      const histories = historiesOf(deps);
      const runs = await settled(
        () => histories.runs(args.caseId),
        (rs) => rs.every((r) => r.status !== 'RUNNING'),
      );
      if (runs.some((r) => r.status === 'RUNNING'))
        throw ApplicationFailure.create({
          type: HISTORY_NOT_READY,
          message: `A run of case ${args.caseId}'s workflow is still open`,
        });
      for (const run of runs) await histories.deleteRun(args.caseId, run.runId);
      return runs.map((r) => r.runId);
    },

    /**
     * Temporal deletes asynchronously: done once none of the deleted runs' histories can be read.
     * (Its visibility list drops them later still; it holds no payload, only ids and times.)
     */
    async confirmCaseRunsGone(args: { caseId: string; runIds: string[] }): Promise<void> {
      await confirmDeleted(historiesOf(deps), args.caseId, args.runIds);
    },

    /**
     * A withdrawal erases the free text at once, and the runs before the case's closed run hold
     * it (the updates that wrote it, sealed): the closed run deletes them when it starts. Other
     * closures keep them until the erase-on day (their data is kept until then anyway).
     */
    async deleteRunsBeforeWithdrawal(args: { caseId: string; keepRunId: string }): Promise<number> {
      const c = await deps.db.case.findUnique({
        where: { id: args.caseId },
        select: { closureReason: true },
      });
      if (c?.closureReason !== 'consent_withdrawn') return 0;
      const histories = historiesOf(deps);
      const others = (rs: CaseRun[]) => rs.filter((r) => r.runId !== args.keepRunId);
      const runs = others(
        await settled(
          () => histories.runs(args.caseId),
          (rs) => others(rs).every((r) => r.status !== 'RUNNING'),
        ),
      );
      if (runs.some((r) => r.status === 'RUNNING'))
        throw ApplicationFailure.create({
          type: HISTORY_NOT_READY,
          message: `An earlier run of case ${args.caseId}'s workflow is still listed open`,
        });
      for (const run of runs) await histories.deleteRun(args.caseId, run.runId);
      await confirmDeleted(
        histories,
        args.caseId,
        runs.map((r) => r.runId),
      );
      await withCaseEvent(
        deps.db,
        {
          caseId: args.caseId,
          type: 'case.history_erased',
          actorId: null,
          idempotencyKey: stepKeys.historyErasedBefore(args.caseId, args.keepRunId),
          payload: { runs: runs.length, scope: 'earlier_runs' },
        },
        async () => null,
      );
      return runs.length;
    },

    /** The case's timeline says its histories are gone (counts only). */
    async recordHistoryErased(args: { caseId: string; deleted: number }): Promise<void> {
      await withCaseEvent(
        deps.db,
        {
          caseId: args.caseId,
          type: 'case.history_erased',
          actorId: null,
          idempotencyKey: stepKeys.historyErased(args.caseId),
          payload: { runs: args.deleted, scope: 'all_runs' },
        },
        async () => null,
      );
    },
  };
}
