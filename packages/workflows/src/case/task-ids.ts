/**
 * Every id a case step writes — its tasks, its rows and its CaseEvent's idempotency key — is
 * built here, from what makes the step unique. The workflow (which names the tasks it waits for)
 * and the activities (which write them) share this module, so the two can never drift apart.
 *
 * The rule for idempotency keys: a key must differ whenever the step can legitimately happen
 * again. Counters that only grow (offer round, plan and evaluation version, closure, transfer,
 * reopening and replacement rounds, note sequence) are unique on their own. Steps tied to a
 * calendar slot (a month's check-in, a term) can happen again after the case left help and came
 * back (closure then reopening, a transfer): their keys carry the era, which the workflow bumps
 * each time the case leaves or re-enters help.
 *
 * Task ids stay stable per slot (`<case>:checkin:2026-12`): a check-in reopened in an
 * era reopens the same task row, so links and the API's task-of-this-case check keep working.
 *
 * Pure and import-free: it is part of the workflow bundle.
 */

export const taskIds = {
  screening: (c: string) => `${c}:screening`,
  assign: (c: string, round: number) => `${c}:assign:${round}`,
  offer: (c: string, round: number) => `${c}:offer:${round}`,
  plan: (c: string, version: number) => `${c}:plan:${version}`,
  planReview: (c: string, version: number) => `${c}:plan-review:${version}`,
  checkIn: (c: string, month: string) => `${c}:checkin:${month}`,
  /** The coordinator's follow-up of a check-in not filed in time. */
  overdue: (c: string, month: string) => `${c}:overdue:${month}`,
  /** The coordinator's alert when a check-in turns the risk high. */
  risk: (c: string, month: string) => `${c}:risk:${month}`,
  evaluation: (c: string, term: string, version: number) => `${c}:eval:${term}:${version}`,
  evaluationReview: (c: string, term: string, version: number) => `${c}:eval-review:${term}:${version}`,
  evaluationSignOff: (c: string, term: string, version: number) => `${c}:eval-signoff:${term}:${version}`,
  closure: (c: string, round: number) => `${c}:closure:${round}`,
  /** The coordinator's task of asking a child who turned 7 for the child's own consent. */
  childConsent: (c: string) => `${c}:child-consent`,
  transfer: (c: string, round: number) => `${c}:transfer:${round}`,
  returnCheck: (c: string, schoolYear: number) => `${c}:return:${schoolYear}`,
} as const;

/** Whether a task id is a coordinator's follow-up (overdue check-in, risk alert). */
export function isFollowUpTask(taskId: string): boolean {
  return /:(overdue|risk):/.test(taskId);
}

/** Whether a task id is a back-to-school confirmation of this case. */
export function isReturnCheckTask(c: string, taskId: string): boolean {
  return taskId.startsWith(`${c}:return:`);
}

/** Ids of rows other than tasks. */
export const rowIds = {
  /** CaseHelper rows of one offer round: the primary helper first, then co-helpers. */
  offeredHelper: (c: string, round: number, index: number) => `${c}:h:${round}:${index}`,
  /** Prefix shared by the CaseHelper rows of one offer round. */
  offeredHelpersPrefix: (c: string, round: number) => `${c}:h:${round}:`,
  reopenedHelper: (c: string, round: number) => `${c}:h:reopen${round}`,
  replacementHelper: (c: string, round: number) => `${c}:h:replace${round}`,
  plan: (c: string, version: number) => `${c}:plan:${version}`,
  checkIn: (c: string, month: string) => `${c}:checkin:${month}`,
  evaluation: (c: string, term: string, version: number) => `${c}:eval:${term}:${version}`,
  /**
   * One correction of a filed check-in (any month): both versions kept. Named by the id the
   * form made when it opened (a uuid); corrections recorded before that carry the workflow's
   * counter, and a uuid never reads as a number, so the two never meet.
   */
  checkInAmendment: (c: string, key: number | string) => `${c}:checkin-amend:${key}`,
} as const;

/** CaseEvent idempotency keys: one per step that may be written once. */
export const stepKeys = {
  identified: (c: string) => `${c}:identified`,
  /** Once per case: an erased case takes no more steps, so its histories go once. */
  historyErased: (c: string) => `${c}:history-erased`,
  /** A withdrawal's closed run deletes the runs before it: once per closed run. */
  historyErasedBefore: (c: string, runId: string) => `${c}:history-erased:before:${runId}`,
  screened: (c: string) => `${c}:screened`,
  offered: (c: string, round: number) => `${c}:offer:${round}`,
  offerAnswered: (c: string, round: number) => `${c}:offer:${round}:answer`,
  offerExpired: (c: string, round: number) => `${c}:offer:${round}:expired`,
  /** h13: the offered teacher warned that the offer is about to lapse (once per round). */
  offerLapseWarned: (c: string, round: number) => `${c}:offer:${round}:lapse-warned`,
  planSubmitted: (c: string, version: number) => `${c}:plan:${version}:submitted`,
  planReviewed: (c: string, version: number) => `${c}:plan:${version}:reviewed`,
  termStarted: (c: string, term: string, era: number) => `${c}:term:${term}${eraTag(era)}`,
  checkIn: (c: string, month: string, era: number, step: 'opened' | 'reminded' | 'overdue' | 'filed') =>
    `${c}:checkin:${month}${eraTag(era)}:${step}`,
  checkInAmended: (c: string, key: number | string) => `${c}:checkin-amend:${key}`,
  acknowledged: (taskId: string, era: number) => `${taskId}${eraTag(era)}:acknowledged`,
  evaluationOpened: (c: string, term: string, version: number) => `${c}:eval:${term}:${version}:opened`,
  evaluationDrafted: (c: string, term: string, version: number) => `${c}:eval:${term}:${version}:drafted`,
  evaluationReviewed: (c: string, term: string, version: number) => `${c}:eval:${term}:${version}:reviewed`,
  evaluationDecided: (c: string, term: string, version: number) => `${c}:eval:${term}:${version}:decided`,
  closureProposed: (c: string, round: number) => `${c}:closure:${round}:proposed`,
  closureDecided: (c: string, round: number) => `${c}:closure:${round}:decided`,
  reopened: (c: string, round: number) => `${c}:reopen:${round}`,
  /** One withdrawal closes one era of the case (a reopening after new consent starts another). */
  childConsentAsked: (c: string) => `${c}:child-consent:asked`,
  childConsentGiven: (c: string) => `${c}:child-consent:given`,
  /** One consent or legal-basis recording, named by the id the API gave it (its update id). */
  consentRecorded: (c: string, recordingId: string) => `${c}:consent:${recordingId}`,
  /** An admin brought a closed case (closed before retention existed) under the rule. */
  retentionApplied: (c: string, era: number) => `${c}:retention-applied${eraTag(era)}`,
  consentWithdrawn: (c: string, era: number) => `${c}:consent-withdrawn${eraTag(era)}`,
  assignmentReopened: (c: string, round: number) => `${c}:assign:${round}:reopened`,
  transferRequested: (c: string, round: number) => `${c}:transfer:${round}:requested`,
  transferAnswered: (c: string, round: number) => `${c}:transfer:${round}:answered`,
  helperReplaced: (c: string, round: number) => `${c}:replace:${round}`,
  /** `taskId` is the confirmation's task (`taskIds.returnCheck`). */
  returnCheckOpened: (taskId: string, era: number) => `${taskId}${eraTag(era)}:opened`,
  returnAnswered: (taskId: string, era: number) => `${taskId}${eraTag(era)}:answered`,
  note: (c: string, seq: number) => `${c}:note:${seq}`,
} as const;

/**
 * Temporal update ids of the steps a form names itself (its own uuid, kept across the form's
 * retries): a repeated request with the same id reaches the first update and gets its result.
 */
export const updateIds = {
  checkInAmendment: (amendmentId: string) => `checkin-amend-${amendmentId}`,
  consentRecording: (recordingId: string) => `consent-${recordingId}`,
} as const;

/**
 * Era 0 keeps the keys written before eras were part of them, so a step retried across the
 * deployment finds its own event instead of writing a second one.
 */
function eraTag(era: number): string {
  return era > 0 ? `:e${era}` : '';
}
