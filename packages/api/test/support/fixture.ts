import { FieldCipher } from '@donghanh/db';
import { loadDemoOrganisation } from '@donghanh/db/seed';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
import type { Client } from '@temporalio/client';
import { inject } from 'vitest';
import type { Context, SessionUser } from '../../src/context';
import { createCaller } from '../../src/root';
import { ADMIN_EXPECTED, ADMIN_INPUTS } from './fixture-admin';
import { CAMPAIGN_EXPECTED, CAMPAIGN_INPUTS } from './fixture-campaign';
import { CLASS_LIST_EXPECTED, CLASS_LIST_INPUTS, setUpClassListFixture } from './fixture-class-list';
import { PRIVACY_EXPECTED, PRIVACY_INPUTS } from './fixture-privacy';
import {
  COMMENDATION_EXPECTED,
  COMMENDATION_INPUTS,
  REPORT_ROUND_EXPECTED,
  REPORT_ROUND_INPUTS,
  setUpCommendationFixture,
  setUpReportRoundFixture,
} from './fixture-report-rounds';
// setup: classes, family circumstances, the offer's details (issue 14)
import { SETUP_EXPECTED, SETUP_INPUTS } from './fixture-setup';
import { VOLUNTEER_EXPECTED, VOLUNTEER_INPUTS } from './fixture-volunteer';

/**
 * What the access-matrix and fuzz tests share: a real database with the demo organisation and
 * one case, a valid input for every procedure, the callers, and Temporal replaced by a recorder
 * (these tests ask whether a request gets through, not what the workflow then does).
 */
export let database: TestDatabase;
/** What reached Temporal: the count, and the last arguments (they would be stored). */
export const recorder: { forwarded: number; lastArgs: unknown } = { forwarded: 0, lastArgs: null };
const temporal = {
  connection: { withDeadline: (_: number, fn: () => Promise<unknown>) => fn() },
  workflow: {
    getHandle: () => ({
      executeUpdate: async (_update: unknown, options: { args: unknown[] }) => {
        recorder.forwarded += 1;
        recorder.lastArgs = options.args;
        return { caseId: CASE, stage: 'active', eventId: '1' };
      },
    }),
    executeUpdateWithStart: async () => {
      recorder.forwarded += 1;
      return { caseId: 'new', code: 'HS26-XXXXXX', eventId: '1' };
    },
  },
} as unknown as Client;

export const CASE = 'c-matrix';
/** wall: the fixture's wall display (THCS Chiềng Lề), as a request holding its cookie resolves it. */
export const WALL_DISPLAY_ID = '6f0b6c1e-7a51-4c1e-9b7e-3f2a4d5c6b7a';
const task = (kind: string) => `${CASE}:${kind}`;
const decide = (kind: string) => ({ caseId: CASE, taskId: task(kind), approve: true });
const report = {
  tutoring: { sessions: 1, hours: 1, subjects: ['Toán'] },
  material: [],
  familyContact: { visits: 0, calls: 1 },
  absentDays: 0,
  riskLevel: 'low',
};

/** A valid input for every procedure: the matrix is about who, not about what. */
export const INPUTS: Record<string, unknown> = {
  'case.identify': { campaignId: 'camp-sl-2026', studentId: 'st-05', categories: ['weak_results'] },
  'case.screen': { caseId: CASE, decision: 'accept' },
  'case.assignHelper': { caseId: CASE, taskId: task('assign:1'), helperId: 'u-gv-uyen' },
  'case.respondOffer': { caseId: CASE, taskId: task('offer:1'), accept: true },
  'case.submitPlan': {
    caseId: CASE,
    taskId: task('plan:1'),
    goals: { week: 'a', month: 'b', semester: 'c' },
    kinds: ['tutoring'],
  },
  'case.reviewPlan': decide('plan-review:1'),
  'case.fileCheckIn': { caseId: CASE, taskId: task('checkin:2026-11'), report },
  'case.acknowledge': { caseId: CASE, taskId: task('risk:2026-11') },
  'case.startEvaluation': { caseId: CASE, reason: 'Chuyển trường giữa kỳ' },
  'case.submitEvaluation': {
    caseId: CASE,
    taskId: task('eval:2026-2027-HK1:1'),
    draft: {
      resultsBefore: 'dat',
      resultsAfter: 'kha',
      conductBefore: 'tot',
      conductAfter: 'tot',
      progress: 'Tiến bộ',
      stillAtRisk: false,
      recommendation: 'continue',
    },
  },
  'case.reviewEvaluation': decide('eval-review:2026-2027-HK1:1'),
  'case.signOffEvaluation': decide('eval-signoff:2026-2027-HK1:1'),
  'case.proposeClosure': { caseId: CASE, reason: 'goal_reached' },
  'case.decideClosure': decide('closure:1'),
  'case.reopen': { caseId: CASE, reason: 'Gia đình lại khó khăn' },
  'case.requestTransfer': { caseId: CASE, toSchoolId: 's-thpt-tohieu' },
  'case.answerTransfer': decide('transfer:1'),
  'case.replaceHelper': { caseId: CASE, helperId: 'u-gv-uyen', reason: 'Nghỉ sinh' },
  'case.confirmReturn': { caseId: CASE, taskId: task('return:2027'), returned: true },
  'case.addNote': { caseId: CASE, text: 'Đã gặp gia đình' },
  'case.amendCheckIn': {
    caseId: CASE,
    amendmentId: '3f6d1c2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f',
    month: '2026-11',
    report,
    reason: 'Ghi nhầm số giờ phụ đạo',
  },
  'board.cards': {},
  'board.summary': {},
  'report.exportCases': {},
  'student.search': { q: 'nguyen' },
  'student.create': { schoolId: 's-thcs-chiengle', classId: 'cl-cl-7b', fullName: 'Lò Văn Thử' },
  'student.update': { studentId: 'st-06', ethnicity: "H'Mông" },
  'student.setFamily': { studentId: 'st-06', text: 'Bố mẹ đi làm xa, em ở với bà' },
  'task.inbox': {},
  // Notifications (issue 13): each caller's own bell and preferences
  'notification.list': {},
  'notification.markRead': { ids: 'all' },
  'notification.preferences': {},
  // h13: what became of a bell item's task
  'notification.taskOutcome': { taskId: 'no-such-task' },
  'notification.setPreferences': {
    mailOff: [],
    quietStart: 1260,
    quietEnd: 360,
    language: 'vi',
    digestHour: null,
    unsubscribed: false,
  },
  'case.get': { caseId: CASE },
  'case.revealIdentity': { caseId: CASE, reason: 'Xác minh hồ sơ trước khi khen thưởng' },
  // phone: paper
  'case.print': { caseId: CASE, document: 'plan' },
  // fix2: the staff meeting's list
  'board.printMeeting': { schoolId: 's-thcs-chiengle' },
  'audit.list': {},
  // Sign-in (src/auth/): a wrong password or an unknown account is an answer, not a refusal.
  'auth.signIn': { username: 'khong.co.ai', password: 'sai-mat-khau' },
  'auth.signOut': undefined,
  'auth.me': undefined,
  'auth.changePassword': { current: 'sai-mat-khau-hien-tai', next: 'mat-khau-moi-2026' },
  'auth.adminResetPassword': { userId: 'u-nobody' },
  // wall: the wall display (issue 14)
  'display.list': {},
  'display.create': { unitId: 'u-thcs-chiengle', label: 'Phòng hội đồng' },
  'display.revoke': { displayId: WALL_DISPLAY_ID },
  'wall.pair': { code: 'ma-ghep-noi-khong-dung' },
  'wall.board': {},
  'task.counts': {},
  ...ADMIN_INPUTS,
  ...CAMPAIGN_INPUTS,
  ...PRIVACY_INPUTS,
  ...VOLUNTEER_INPUTS,
  ...CLASS_LIST_INPUTS,
  ...REPORT_ROUND_INPUTS,
  ...COMMENDATION_INPUTS,
  // setup (issue 14)
  ...SETUP_INPUTS,
};

/** The callers: the case is at THCS Chiềng Lề, helped by gv.lan, offered to gv.duc, moving to THCS Quyết Thắng. */
export const ACTORS = {
  anonymous: null,
  helper: 'u-gv-lan',
  offered: 'u-gv-duc',
  otherTeacher: 'u-gv-uyen',
  coordinator: 'u-ct-cl',
  principal: 'u-ht-cl',
  coordinatorElsewhere: 'u-ct-th',
  principalElsewhere: 'u-ht-th',
  receivingCoordinator: 'u-ct-qt',
  office: 'u-office',
  admin: 'u-admin',
  // wall: a wall display of THCS Chiềng Lề (issue 14): no person, only its display cookie.
  wallDisplay: null,
} as const;
export type Actor = keyof typeof ACTORS;
export const ALL = Object.keys(ACTORS) as Actor[];
const COORDINATION: Actor[] = ['coordinator', 'principal'];
const SIGNED_IN: Actor[] = ALL.filter((a) => a !== 'anonymous' && a !== 'wallDisplay');

/** Who each procedure lets through; everyone else gets FORBIDDEN (or UNAUTHENTICATED). */
export const EXPECTED: Record<string, Actor[]> = {
  // Teachers of the school may propose; st-05 is in 7B of THCS Chiềng Lề.
  'case.identify': ['helper', 'offered', 'otherTeacher', ...COORDINATION],
  'case.screen': COORDINATION,
  // Everyone signed in has a board; what it holds is their scope (board-scope.test.ts).
  'board.cards': SIGNED_IN,
  'board.summary': SIGNED_IN,
  'report.exportCases': [
    'coordinator',
    'principal',
    'coordinatorElsewhere',
    'principalElsewhere',
    'receivingCoordinator',
    'office',
  ],
  'case.assignHelper': COORDINATION,
  'case.respondOffer': ['offered'],
  'case.submitPlan': ['helper'],
  'case.reviewPlan': COORDINATION,
  'case.fileCheckIn': ['helper'],
  'case.acknowledge': COORDINATION,
  'case.startEvaluation': COORDINATION,
  'case.submitEvaluation': ['helper'],
  'case.reviewEvaluation': COORDINATION,
  'case.signOffEvaluation': ['principal'],
  'case.proposeClosure': COORDINATION,
  'case.decideClosure': ['principal'],
  'case.reopen': COORDINATION,
  'case.requestTransfer': COORDINATION,
  'case.answerTransfer': ['receivingCoordinator'],
  'case.replaceHelper': COORDINATION,
  'case.confirmReturn': ['helper'],
  'case.addNote': ['helper', ...COORDINATION],
  'case.amendCheckIn': ['helper', ...COORDINATION],
  'auth.signIn': ALL,
  'auth.signOut': ALL,
  'auth.me': ALL,
  'auth.changePassword': SIGNED_IN,
  'auth.adminResetPassword': ['admin'],
  // Everyone signed in searches, within their own scope (see student-scope.test.ts).
  'student.search': SIGNED_IN,
  'student.create': COORDINATION,
  'student.update': COORDINATION,
  // setup: the identity rule's seesFamily (gv.lan helps c-matrix, st-06's case).
  'student.setFamily': ['helper', ...COORDINATION],
  'task.inbox': SIGNED_IN,
  'notification.list': SIGNED_IN,
  'notification.markRead': SIGNED_IN,
  'notification.preferences': SIGNED_IN,
  // h13: what became of a bell item's task
  'notification.taskOutcome': SIGNED_IN,
  'notification.setPreferences': SIGNED_IN,
  'case.get': ['helper', 'offered', ...COORDINATION, 'office'],
  'case.revealIdentity': ['office'],
  // phone: paper (the case reader's rule; the sheet itself follows the identity rule)
  'case.print': ['helper', 'offered', ...COORDINATION, 'office'],
  // fix2: the staff meeting's list: the school's coordinator and principal, the office above it
  'board.printMeeting': [...COORDINATION, 'office'],
  'audit.list': ['admin'],
  // wall: the wall display (issue 14). A display reads its masked board and nothing else; the
  // school's coordinator and principal manage the school's displays, an office coordinator
  // only the office's (the fixture's display belongs to the school).
  'display.list': [
    ...COORDINATION,
    'coordinatorElsewhere',
    'principalElsewhere',
    'receivingCoordinator',
    'office',
  ],
  'display.create': COORDINATION,
  'display.revoke': COORDINATION,
  'wall.pair': ALL,
  'wall.board': ['wallDisplay'],
  'task.counts': SIGNED_IN,
  ...ADMIN_EXPECTED,
  ...CAMPAIGN_EXPECTED,
  ...PRIVACY_EXPECTED,
  ...VOLUNTEER_EXPECTED,
  ...CLASS_LIST_EXPECTED,
  ...REPORT_ROUND_EXPECTED,
  ...COMMENDATION_EXPECTED,
  // setup (issue 14)
  ...SETUP_EXPECTED,
};

export async function sessionUser(id: string | null): Promise<SessionUser | null> {
  if (!id) return null;
  const u = await database.db.user.findUniqueOrThrow({ where: { id }, include: { roles: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles.map((r) => ({ role: r.role, unitId: r.unitId })),
  };
}

export const cipher = new FieldCipher(FieldCipher.generateKey());

/** A caller for `actor`, as the HTTP layer would build it after resolving the session. */
export async function callerFor(actor: Actor, o: { db?: Context['db']; temporal?: Client } = {}) {
  const ctx: Context = {
    db: o.db ?? database.db,
    temporal: o.temporal ?? temporal,
    user: await sessionUser(ACTORS[actor]),
    display:
      actor === 'wallDisplay'
        ? {
            id: WALL_DISPLAY_ID,
            unitId: 'u-thcs-chiengle',
            label: 'Phòng hội đồng',
            schoolIds: ['s-thcs-chiengle'],
          }
        : null,
    sessionId: null,
    clientAddress: null,
    requestId: 'test',
    cipher,
  };
  return createCaller(ctx);
}

/** The procedure at `path` ('case.fileCheckIn') of a caller. */
export function procedureOf(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    input: unknown,
  ) => Promise<unknown>;
}

export async function setUpFixture(): Promise<void> {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  const db = database.db;
  await setUpClassListFixture(db);
  await setUpReportRoundFixture(db);
  await setUpCommendationFixture(db);
  // wall: the wall display (issue 14)
  await db.displaySession.create({
    data: { id: WALL_DISPLAY_ID, unitId: 'u-thcs-chiengle', label: 'Phòng hội đồng', createdById: 'u-ct-cl' },
  });
  await db.case.create({
    data: {
      id: CASE,
      code: 'HS26-MATRIX',
      campaignId: 'camp-sl-2026',
      studentId: 'st-06',
      schoolId: 's-thcs-chiengle',
      stage: 'active',
      categories: ['economic_hardship'],
      source: 'staff_proposal',
      helperId: 'u-gv-lan',
      transferToSchoolId: 's-thcs-quyetthang',
    },
  });
  await db.caseHelper.createMany({
    data: [
      { id: `${CASE}:h:1:0`, caseId: CASE, userId: 'u-gv-lan', role: 'PRIMARY', status: 'ACTIVE' },
      { id: `${CASE}:h:2:0`, caseId: CASE, userId: 'u-gv-duc', role: 'CO_HELPER', status: 'OFFERED' },
    ],
  });
  await db.task.createMany({
    data: [
      { id: `${CASE}:checkin:2026-11`, caseId: CASE, type: 'file_checkin', assigneeUserId: 'u-gv-lan' },
      {
        id: `${CASE}:risk:2026-11`,
        caseId: CASE,
        type: 'risk_alert',
        assigneeRole: 'SCHOOL_COORDINATOR',
        scopeUnitId: 'u-thcs-chiengle',
      },
      {
        id: `${CASE}:transfer:1`,
        caseId: CASE,
        type: 'accept_transfer',
        assigneeRole: 'SCHOOL_COORDINATOR',
        scopeUnitId: 'u-thcs-quyetthang',
      },
    ],
  });
}
