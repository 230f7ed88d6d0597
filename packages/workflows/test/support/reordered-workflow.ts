// A deliberately incompatible change for the replay test: the case workflow, but planning the
// term before anything else. Replaying a real history on it must fail.
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../src/activities';
import { caseWorkflow as current } from '../../src/case/case-workflow';
import type { CaseWorkflowInput } from '../../src/messages';

const { planTerm } = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds' });

export async function caseWorkflow(input: CaseWorkflowInput) {
  await planTerm({ campaignId: input.campaignId, clock: input.clock });
  return current(input);
}
