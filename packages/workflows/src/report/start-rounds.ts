// Starts a campaign's report rounds: one workflow per school below the campaign's unit and per
// round, by an id derived from campaign, round and school, so a repeated start (the campaign's
// rounds saved again, the demo's next start) reaches the running workflow instead of a second,
// which then reads its round's days again (a campaign's changed dates reach rounds already started).
import { type Db, schoolsUnder } from '@donghanh/db';
import {
  type CaseClock,
  campaignSettingsSchema,
  reportId,
  reportRoundDates,
  reportWorkflowId,
} from '@donghanh/domain';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { TASK_QUEUE } from '../messages';
import { type ReportRoundInput, rescheduleReportSignal } from './report-messages';

export interface StartRoundsOptions {
  campaignId: string;
  clock: CaseClock;
  taskQueue?: string | undefined;
  /** Only these rounds (1-based); every round by default. */
  rounds?: number[] | undefined;
}

export async function startReportRounds(
  db: Db,
  temporal: Client,
  o: StartRoundsOptions,
): Promise<{ started: number; rescheduled: number; rounds: number[]; schools: number }> {
  const campaign = await db.campaign.findUnique({
    where: { id: o.campaignId },
    select: { unitId: true, settings: true },
  });
  if (!campaign) return { started: 0, rescheduled: 0, rounds: [], schools: 0 };
  const settings = campaignSettingsSchema.parse(campaign.settings);
  const rounds = reportRoundDates(settings)
    .map((r) => r.round)
    .filter((r) => !o.rounds || o.rounds.includes(r));
  const schools = await schoolsUnder(db, [campaign.unitId]);
  let started = 0;
  let rescheduled = 0;
  for (const round of rounds) {
    for (const schoolId of schools) {
      const input: ReportRoundInput = {
        reportId: reportId(o.campaignId, round, schoolId),
        campaignId: o.campaignId,
        round,
        schoolId,
        clock: o.clock,
      };
      try {
        await temporal.workflow.start('reportRoundWorkflow', {
          workflowId: reportWorkflowId(o.campaignId, round, schoolId),
          taskQueue: o.taskQueue ?? TASK_QUEUE,
          args: [input],
          // Running: reach it. Finished (accepted): never start the round again.
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
        started += 1;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        // Running: it reads the round's days again (the campaign may have moved them) and
        // re-arms its timers. Finished (accepted): nothing to move.
        try {
          await temporal.workflow
            .getHandle(reportWorkflowId(o.campaignId, round, schoolId))
            .signal(rescheduleReportSignal);
          rescheduled += 1;
        } catch (signalError) {
          if (!(signalError instanceof WorkflowNotFoundError)) throw signalError;
        }
      }
    }
  }
  return { started, rescheduled, rounds, schools: schools.length };
}
