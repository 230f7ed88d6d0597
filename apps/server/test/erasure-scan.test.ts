import type { AppRouter } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import type { CaseClock } from '@donghanh/domain';
import { DataKeyCodec } from '@donghanh/workflows/codec';
import { caseHistoryErasureWorkflowId, caseWorkflowId } from '@donghanh/workflows/messages';
import { workflowHistoriesText } from '@donghanh/workflows/testing';
import type { createTRPCClient } from '@trpc/client';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { recordConsent } from './support/consent';

/**
 * The erasure, proven end to end on the real stack (API, worker, PostgreSQL, Temporal). A pupil
 * whose name is planted is helped, then the family withdraws; when the retention's day comes the
 * planted name must be nowhere: in no answer the school's own coordinator (who saw it before) can
 * ask for, in no export, in no text column of any table, and in nothing Temporal still holds.
 * New cases run on a compressed calendar (a school day lasts 2 s) so the day comes in seconds.
 */
type Api = ReturnType<typeof createTRPCClient<AppRouter>>;
const PLANTED = 'Xoan Erasetest';
const said = (where: string) => `Em ${PLANTED} — ${where}`;
const FULL_NAME = `Vàng Thị ${PLANTED}`;
// Set when the story starts: 19 May 2027; the school year ends on 29 May (20 s later), so a case
// closed before then is erased on 30 May.
let clock: CaseClock;

let stack: TestStack;
let huong: Api;
let caseId: string;
let studentId: string;
const REPORT = { campaignId: demoCampaign.id, round: 1, schoolId: 's-thcs-chiengle' };
let reportVersion = 0;

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
    caseClock: () => clock,
  });
  await loadDemoOrganisation(stack.database.db);
  huong = await signedInClient(stack.baseUrl, 'ct.huong');
  // The campaign keeps a closed case's data to the end of its own school year (the admin's setting).
  const admin = await signedInClient(stack.baseUrl, 'quantri');
  const { settings } = await admin.campaign.get.query({ campaignId: demoCampaign.id });
  if (!settings) throw new Error('the demo campaign has no settings');
  await admin.campaign.updateSettings.mutate({
    campaignId: demoCampaign.id,
    settings: {
      ...settings,
      privacy: {
        retention: { schoolYearsAfterClosure: 0 },
        accessAnswerHours: 72,
        correctionAnswerHours: 72,
      },
    },
  });
  // The school's report of round 1 (open since 20 Nov, before the pinned today), opened before
  // the compressed calendar starts, so waiting for it takes none of the case's days.
  await admin.reportRound.start.mutate({ campaignId: demoCampaign.id });
  await until(async () => {
    const r = await huong.reportRound.get.query(REPORT).catch(() => null);
    reportVersion = r?.status === 'draft' ? r.version : 0;
    return reportVersion > 0;
  }, 60_000);
}, 120_000);
afterAll(() => stack?.stop());

async function openTaskId(type: string): Promise<string> {
  let id: string | undefined;
  await until(async () => {
    const t = await stack.database.db.task.findFirst({ where: { caseId, type, status: 'OPEN' } });
    id = t?.id;
    return Boolean(t);
  }, 10_000);
  return id as string;
}

/** Everything the school's coordinator can ask about the pupil and the case, and its exports. */
async function answers(): Promise<string> {
  const got: unknown[] = [
    await huong.case.get.query({ caseId }),
    await huong.board.cards.query({}),
    await huong.student.search.query({ q: 'xoan erasetest' }),
    await huong.student.search.query({ q: '' }),
    await huong.consent.get.query({ caseId }),
    await huong.privacy.subjectRequest.export.mutate({ caseId }),
    await huong.report.exportCases.mutate({}),
    await huong.task.inbox.query({}),
  ];
  return JSON.stringify(got);
}

/** Every text, JSON or text[] column of every table holding the name. */
async function databaseHits(): Promise<string[]> {
  const db = stack.database.db;
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
      AND table_name <> '_prisma_migrations'`;
  const hits: string[] = [];
  for (const c of columns) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1`,
      '%erasetest%',
    );
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

const temporalText = (workflowId: string) =>
  workflowHistoriesText(stack.temporal.client, new DataKeyCodec({ current: stack.dataKey }), workflowId);

describe('erasure when the retention period ends', () => {
  it('helps a pupil whose name is planted, then the family withdraws', async () => {
    clock = { anchorMs: Date.now(), anchorDate: '2027-05-19', msPerDay: 2_000 };
    const created = await huong.student.create.mutate({
      schoolId: 's-thcs-chiengle',
      classId: 'cl-cl-9a',
      fullName: FULL_NAME,
      birthDate: '2012-03-04',
      gender: 'FEMALE',
      ethnicity: 'Mông',
      moetCode: '0141200099',
    });
    studentId = created.studentId;
    await huong.student.setFamily.mutate({ studentId, text: said('family') });
    const identified = await api('gv.lan').then((lan) =>
      lan.case.identify.mutate({
        campaignId: demoCampaign.id,
        studentId,
        categories: ['economic_hardship'],
        reason: said('proposal'),
      }),
    );
    caseId = identified.caseId;
    await huong.case.screen.mutate({ caseId, decision: 'accept', reason: said('screening') });
    await recordConsent(huong, caseId);
    await huong.case.assignHelper.mutate({
      caseId,
      taskId: await openTaskId('assign_helper'),
      helperId: 'u-gv-duc',
      sponsor: { name: said('sponsor'), note: said('sponsor note') },
    });
    const duc = await api('gv.duc');
    await duc.case.respondOffer.mutate({ caseId, taskId: await openTaskId('respond_offer'), accept: true });
    await duc.case.submitPlan.mutate({
      caseId,
      taskId: await openTaskId('write_plan'),
      goals: { week: said('week'), month: said('month'), semester: said('semester') },
      kinds: ['tutoring'],
    });
    await duc.case.addNote.mutate({ caseId, text: said('note') });

    // The school's report remarks are kept in every version and reach no erasure: naming the
    // pupil is refused (the round opened on 20 Nov, before the pinned today).
    await expect(
      huong.reportRound.edit.mutate({
        ...REPORT,
        version: reportVersion,
        remarks: `Trường đã kèm em ${FULL_NAME.toUpperCase()} cả học kỳ`,
        corrections: {},
      }),
    ).rejects.toMatchObject({ data: { appCode: 'TEXT_NAMES_A_PUPIL' } });

    // A class list uploaded (not yet imported) holds the pupil's name until the erasure.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lớp 9A');
    ws.addRow(['STT', 'Họ và tên', 'Ngày sinh']);
    ws.addRow([1, FULL_NAME, '04/03/2012']);
    const res = await fetch(`${stack.baseUrl}/upload/class-list?schoolId=s-thcs-chiengle`, {
      method: 'POST',
      headers: { cookie: await signIn(stack.baseUrl, 'ct.huong'), 'x-file-name': 'lop-9a.xlsx' },
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(res.status).toBe(200);
    expect(await stack.database.db.classListUpload.count({ where: { finishedAt: null } })).toBe(1);

    // Before: the school sees the name everywhere it should, and Temporal holds it (sealed), so
    // the scans below can fail.
    expect(await answers()).toContain(PLANTED);
    expect(await databaseHits()).toEqual(expect.arrayContaining(['Student.fullName', 'CaseEvent.payload']));
    expect((await temporalText(caseWorkflowId(caseId))).text).toContain(PLANTED);

    // Withdrawn the day it was given (the API checks the day against its own today).
    const consent = await stack.database.db.caseConsent.findFirstOrThrow({
      where: { caseId, current: true },
    });
    const on = consent.givenOn?.toISOString().slice(0, 10) ?? '';
    await huong.consent.withdraw.mutate({ caseId, by: 'guardian', on });
    const closed = await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(closed.stage).toBe('closed');
    expect(closed.personalDataEraseOn?.toISOString().slice(0, 10)).toBe('2027-05-30');
    // The free text went at once; the name stays until the erase-on day (the upload's too).
    expect((await databaseHits()).sort()).toEqual([
      'ClassListUpload.sheets',
      'Student.fullName',
      'Student.searchName',
    ]);
  });

  it('leaves the name nowhere once the day has come: answers, exports, tables, Temporal', async () => {
    await until(
      async () =>
        (await stack.database.db.caseEvent.count({
          where: { caseId, type: 'case.history_erased', payload: { path: ['scope'], equals: 'all_runs' } },
        })) > 0,
      90_000,
    );
    const wire = await answers();
    expect(wire).not.toContain('Erasetest');
    expect(wire.normalize('NFD')).not.toContain(PLANTED.normalize('NFD'));
    expect(wire).toContain('[đã xóa]');
    expect(await databaseHits()).toEqual([]);
    expect(await stack.database.db.classListUpload.count()).toBe(0);

    // Every run of the case's workflow is gone from Temporal (its list drops them last).
    await until(async () => (await temporalText(caseWorkflowId(caseId))).runIds.length === 0, 60_000);
    const erasure = await temporalText(caseHistoryErasureWorkflowId(caseId));
    expect(erasure.runIds).toHaveLength(1);
    expect(erasure.text).not.toContain('Erasetest');

    // The office's totals still count the case.
    const summary = await huong.board.summary.query({});
    expect(JSON.stringify(summary)).not.toContain('Erasetest');
    const erased = await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(erased.personalDataErasedAt).not.toBeNull();
    expect(erased.code).toMatch(/^HS/);
  });
});

/** Polls an async check until it holds, or fails after `ms`. */
async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

function api(username: string): Promise<Api> {
  return signedInClient(stack.baseUrl, username);
}
