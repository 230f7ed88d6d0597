import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { CaseHistoryErasureInput } from '../messages';

const { deleteClosedCaseRuns, confirmCaseRunsGone, recordHistoryErased } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '2 minutes',
  // A case's last run completes just after its erasure: until it has, its runs are not all
  // closed and the deletion is tried again (and so is a Temporal service that is down).
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Deletes every run of a case's workflow from Temporal once the case's personal data is erased
 * (started by the erasure activity), then waits until Temporal no longer lists any and records
 * it on the case. Temporal's namespace retention would delete them too, but only after its
 * period: this makes the histories go with the data, on the same day, and shows it.
 */
export async function caseHistoryErasure(input: CaseHistoryErasureInput): Promise<{ deleted: number }> {
  const runIds = await deleteClosedCaseRuns(input);
  await confirmCaseRunsGone({ caseId: input.caseId, runIds });
  await recordHistoryErased({ caseId: input.caseId, deleted: runIds.length });
  return { deleted: runIds.length };
}
