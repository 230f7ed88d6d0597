import { applyCaseStep } from '@donghanh/db';
import {
  addDays,
  type CampaignSettings,
  type CaseClock,
  campaignSettingsSchema,
  DEFAULT_2025_2026,
  dateAt,
  instantOf,
  shiftSettingsYears,
  termPlan,
} from '@donghanh/domain';
import { stepKeys, taskIds } from '../case/task-ids';
import type { CheckInTimes, ConfirmReturnArgs, StepResult } from '../messages';
import { type ActivityDeps, clockOf, HELPING, type Scope, stepResult, withRules } from './support';

/** A semester on the case's clock: what the workflow sleeps towards. */
export interface TermTimes {
  key: string;
  fromDate: string;
  schoolYear: number;
  semester: 1 | 2;
  checkIns: CheckInTimes[];
  evaluationOpensAt: number;
  evaluationDueAt: number;
  /** The calendar day the evaluation is due (what the screens show). */
  evaluationDueOn: string;
  semesterEndsAt: number;
  /** The opening day of the year, when the helper confirms the student is back (after summer). */
  backToSchoolAt: number | null;
  /** The calendar day the next term is planned from. */
  nextFromDate: string;
  /** True when the campaign has no settings for this year yet and last year's were shifted. */
  assumedCalendar: boolean;
}

/** The semester's rhythm from the campaign calendar, and the back-to-school confirmation. */
export function termActivities(deps: ActivityDeps) {
  const { db } = deps;
  const { now } = clockOf(deps);

  async function settingsFor(
    campaignId: string,
    schoolYear?: number,
  ): Promise<{ settings: CampaignSettings; assumed: boolean }> {
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { unitId: true, schoolYear: true, settings: true },
    });
    const year = schoolYear ?? campaign.schoolYear;
    // The same unit's campaign for that school year, if the admin has entered it.
    const own =
      year === campaign.schoolYear
        ? campaign
        : await db.campaign.findFirst({
            where: { unitId: campaign.unitId, schoolYear: year },
            orderBy: { createdAt: 'desc' },
            select: { unitId: true, schoolYear: true, settings: true },
          });
    const parsed = own ? campaignSettingsSchema.safeParse(own.settings) : null;
    if (parsed?.success) return { settings: parsed.data, assumed: false };
    const base = campaignSettingsSchema.safeParse(campaign.settings);
    const from = base.success ? base.data : DEFAULT_2025_2026;
    return { settings: shiftSettingsYears(from, year - from.schoolYear), assumed: true };
  }

  return {
    /** The term the case is in on `fromDate`, as instants on its clock. */
    async planTerm(args: {
      campaignId: string;
      clock: CaseClock;
      fromDate?: string | undefined;
    }): Promise<TermTimes> {
      // Without a date (a case just activated or reopened) the term is planned from today.
      const fromDate = args.fromDate ?? dateAt(now().getTime(), args.clock);
      let { settings, assumed } = await settingsFor(args.campaignId);
      let term = termPlan(fromDate, settings);
      for (let step = 0; (!term || fromDate > settings.calendar.yearEnd) && step < 3; step++) {
        // Summer, or a later year: plan from the next school year's calendar.
        ({ settings, assumed } = await settingsFor(args.campaignId, settings.schoolYear + 1));
        term = termPlan(fromDate, settings);
      }
      if (!term) throw new Error(`No term on or after ${fromDate}`);
      const at = (d: string) => instantOf(d, args.clock);
      // A deadline is the end of its day; the day itself travels too, for display.
      const endOf = (d: string) => at(d) + args.clock.msPerDay;
      return {
        key: term.key,
        fromDate,
        schoolYear: term.schoolYear,
        semester: term.semester,
        checkIns: term.checkIns.map((w) => ({
          key: w.key,
          opensAt: at(w.opensOn),
          remindAt: at(w.remindOn),
          dueAt: endOf(w.dueOn),
          dueOn: w.dueOn,
          escalateAt: endOf(w.escalateOn),
        })),
        evaluationOpensAt: at(term.evaluationOpensOn),
        evaluationDueAt: endOf(term.evaluationDueOn),
        evaluationDueOn: term.evaluationDueOn,
        semesterEndsAt: endOf(term.semesterEnd),
        backToSchoolAt: term.backToSchoolOn ? at(term.backToSchoolOn) : null,
        nextFromDate: addDays(term.semesterEnd, 1),
        assumedCalendar: assumed,
      };
    },

    async beginTerm(
      args: Scope & { term: string; fromDate: string; assumedCalendar: boolean; era?: number | undefined },
    ): Promise<StepResult> {
      return withRules(async () => {
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.term_started',
          payload: { term: args.term, from: args.fromDate, assumedCalendar: args.assumedCalendar },
          idempotencyKey: stepKeys.termStarted(args.caseId, args.term, args.era ?? 0),
          now: now(),
          caseData: { term: args.term },
        });
        return stepResult(args.caseId, 'active', r.eventId);
      });
    },

    async openReturnConfirmation(
      args: Scope & {
        taskId: string;
        helperId: string;
        schoolYear: number;
        dueAt: number;
        era?: number | undefined;
      },
    ): Promise<void> {
      await withRules(() =>
        applyCaseStep(db, {
          caseId: args.caseId,
          type: 'case.return_check_opened',
          payload: { schoolYear: args.schoolYear },
          idempotencyKey: stepKeys.returnCheckOpened(args.taskId, args.era ?? 0),
          onlyInStages: HELPING,
          now: now(),
          openTasks: [
            {
              id: args.taskId,
              type: 'confirm_return',
              assigneeUserId: args.helperId,
              dueAt: new Date(args.dueAt),
              payload: { schoolYear: args.schoolYear },
            },
          ],
        }),
      );
    },

    /** Back at school: nothing more. Not back: the case goes to the principal for closure. */
    async recordReturn(
      args: Scope &
        ConfirmReturnArgs & { closureRound: number; stage: StepResult['stage']; era?: number | undefined },
    ): Promise<StepResult> {
      return withRules(async () => {
        const stage = args.returned ? args.stage : 'closure';
        const r = await applyCaseStep(db, {
          caseId: args.caseId,
          type: args.returned ? 'case.returned_to_school' : 'case.not_returned',
          payload: args.note ? { note: args.note } : {},
          actorId: args.actorId,
          actorMust: { beHelper: true },
          idempotencyKey: stepKeys.returnAnswered(args.taskId, args.era ?? 0),
          now: now(),
          requireStages: HELPING,
          closeTasks: [{ id: args.taskId }],
          stage,
          caseData: args.returned ? {} : { closureReason: 'dropped_out', closureNote: args.note ?? null },
          openTasks: args.returned
            ? []
            : [
                {
                  id: taskIds.closure(args.caseId, args.closureRound),
                  type: 'approve_closure',
                  assigneeRole: 'PRINCIPAL',
                  scopeUnitId: args.schoolUnitId,
                  payload: { reason: 'dropped_out' },
                },
              ],
        });
        return stepResult(args.caseId, stage, r.eventId);
      });
    },
  };
}
