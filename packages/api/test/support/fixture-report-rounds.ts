import type { Db } from '@donghanh/db';
import { reportId } from '@donghanh/domain';
import type { Actor } from './fixture';

/** Inputs and expected callers of the report rounds' procedures (spread into the access matrix). */
const REF = { campaignId: 'camp-sl-2026', round: 1, schoolId: 's-thcs-chiengle' };
export const REPORT_ROUND_INPUTS: Record<string, unknown> = {
  'reportRound.start': { campaignId: 'camp-sl-2026' },
  'reportRound.list': { campaignId: 'camp-sl-2026' },
  'reportRound.get': REF,
  'reportRound.edit': { ...REF, version: 1, corrections: { 'help.moneyVnd': 1 } },
  'reportRound.refresh': { ...REF, version: 1 },
  'reportRound.sign': { ...REF, version: 1 },
  'reportRound.submit': REF,
  'reportRound.review': { ...REF, decision: 'accept' },
  'reportRound.rollup': { campaignId: 'camp-sl-2026', unitId: 'u-vhxh-chiengle', round: 1 },
  'reportRound.exportReport': REF,
  'reportRound.exportRollup': { campaignId: 'camp-sl-2026', unitId: 'u-vhxh-chiengle', round: null },
  'reportRound.monthly': { campaignId: 'camp-sl-2026', schoolId: 's-thcs-chiengle' },
  'reportRound.exportMonthly': { campaignId: 'camp-sl-2026', schoolId: 's-thcs-chiengle', period: 's1' },
  'reportRound.caseHelp': { caseId: 'c-matrix' },
};

const SCHOOL: Actor[] = ['coordinator', 'principal'];
const SIGNED_IN: Actor[] = [
  'helper',
  'offered',
  'otherTeacher',
  'coordinator',
  'principal',
  'coordinatorElsewhere',
  'principalElsewhere',
  'receivingCoordinator',
  'office',
  'admin',
];
export const REPORT_ROUND_EXPECTED: Record<string, Actor[]> = {
  'reportRound.start': ['office', 'admin'],
  'reportRound.list': SIGNED_IN,
  // The school's staff in full, the offices above it as codes and numbers.
  'reportRound.get': [...SCHOOL, 'office', 'admin'],
  'reportRound.edit': SCHOOL,
  'reportRound.refresh': SCHOOL,
  'reportRound.sign': ['principal'],
  'reportRound.submit': SCHOOL,
  // The commune office receives it; the province's office is above it. Not the admin.
  'reportRound.review': ['office'],
  'reportRound.rollup': ['office', 'admin'],
  'reportRound.exportReport': [...SCHOOL, 'office', 'admin'],
  'reportRound.exportRollup': ['office', 'admin'],
  'reportRound.monthly': [...SCHOOL, 'office', 'admin'],
  'reportRound.exportMonthly': [...SCHOOL, 'office', 'admin'],
  // Numbers about one child: the school's coordinators and the helper, not an office.
  'reportRound.caseHelp': ['helper', ...SCHOOL],
};

/** The school's report of round 1, registered (the review rule reads its recipient). */
export async function setUpReportRoundFixture(db: Db): Promise<void> {
  await db.schoolReport.create({
    data: {
      id: reportId('camp-sl-2026', 1, 's-thcs-chiengle'),
      campaignId: 'camp-sl-2026',
      round: 1,
      roundName: 'Báo cáo học kỳ I',
      schoolId: 's-thcs-chiengle',
      schoolUnitId: 'u-thcs-chiengle',
      recipientUnitId: 'u-vhxh-chiengle',
      status: 'draft',
      version: 1,
      periodFrom: new Date('2026-09-05T00:00:00Z'),
      periodTo: new Date('2026-12-25T00:00:00Z'),
      opensOn: new Date('2026-12-11T00:00:00Z'),
      dueOn: new Date('2026-12-25T00:00:00Z'),
    },
  });
}

/** Commendation (thi đua): the school proposes, its principal signs, the office above decides. */
const PROPOSAL = 'com-camp-sl-2026-s-thcs-chiengle-u-gv-lan';
export const COMMENDATION_INPUTS: Record<string, unknown> = {
  'commendation.indicators': { campaignId: 'camp-sl-2026', schoolId: 's-thcs-chiengle' },
  'commendation.propose': {
    campaignId: 'camp-sl-2026',
    schoolId: 's-thcs-chiengle',
    teacherId: 'u-gv-lan',
    note: 'Kèm cặp đều đặn cả năm',
  },
  'commendation.sign': { proposalId: PROPOSAL },
  'commendation.officeList': { campaignId: 'camp-sl-2026', unitId: 'u-vhxh-chiengle' },
  'commendation.decide': { proposalId: PROPOSAL, approve: true },
  'commendation.exportList': { campaignId: 'camp-sl-2026', unitId: 'u-vhxh-chiengle' },
};
export const COMMENDATION_EXPECTED: Record<string, Actor[]> = {
  'commendation.indicators': SCHOOL,
  'commendation.propose': SCHOOL,
  'commendation.sign': ['principal'],
  'commendation.officeList': ['office', 'admin'],
  // An office above the school decides; the admin does not.
  'commendation.decide': ['office'],
  'commendation.exportList': ['office', 'admin'],
};

/** A proposal for the rules that read it (sign, decide). */
export async function setUpCommendationFixture(db: Db): Promise<void> {
  await db.commendationProposal.create({
    data: {
      id: PROPOSAL,
      campaignId: 'camp-sl-2026',
      schoolId: 's-thcs-chiengle',
      subjectType: 'teacher',
      subjectUserId: 'u-gv-lan',
      note: 'Kèm cặp đều đặn',
      proposedById: 'u-ct-cl',
    },
  });
}
