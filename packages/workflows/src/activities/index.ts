import { applyRetentionActivities } from './apply-retention';
import { assignmentActivities } from './assignment';
import { checkInActivities } from './checkins';
import { childConsentActivities } from './child-consent';
import { closureActivities } from './closure';
import { consentActivities } from './consent';
import { evaluationActivities } from './evaluation';
import { helperActivities } from './helpers';
import { historyActivities } from './history';
import { intakeActivities } from './intake';
import { noteActivities } from './notes';
import { notificationActivities } from './notifications';
import { planActivities } from './plan';
import { reportActivities } from './report';
import { retentionActivities } from './retention';
import type { ActivityDeps } from './support';
import { termActivities } from './term';
import { transferActivities } from './transfer';

/**
 * Side effects of the case workflow, one module per area of the case (the same areas as the
 * workflow's steps). Each writes its state change and its CaseEvent in one transaction through
 * `applyCaseStep`, keyed so that a retried attempt finds its own write and does nothing. Due
 * dates are computed here (activities may read the clock; workflow code may not).
 */
export function createActivities(deps: ActivityDeps) {
  return {
    ...intakeActivities(deps),
    ...assignmentActivities(deps),
    ...planActivities(deps),
    ...termActivities(deps),
    ...checkInActivities(deps),
    ...evaluationActivities(deps),
    ...closureActivities(deps),
    ...transferActivities(deps),
    ...helperActivities(deps),
    ...noteActivities(deps),
    ...retentionActivities(deps),
    ...childConsentActivities(deps),
    ...historyActivities(deps),
    ...consentActivities(deps),
    ...applyRetentionActivities(deps),
    // Notifications (issue 13): the outbox's delivery by e-mail
    ...notificationActivities(deps),
  };
}

/** The name apps/worker and the package's exports have always used. */
export const createCaseActivities = createActivities;
export type CaseActivities = ReturnType<typeof createActivities>;
export type { ActivityDeps, ActivityDeps as CaseActivityDeps } from './support';
export type { TermTimes } from './term';

// Report rounds (issue 12, parts 2–4): the report-round workflow's activities, registered by the
// same worker beside the case's (kept out of CaseActivities: the case workflow never calls them).
export { reportActivities };
export type ReportActivities = ReturnType<typeof reportActivities>;
