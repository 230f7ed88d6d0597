import { reportRollup } from '@donghanh/db';
import {
  addDays,
  campaignSettingsSchema,
  reportId,
  reportRoundDates,
  reportRoundsOf,
  reportWorkflowId,
} from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editReportUpdate,
  reportStateQuery,
  reviewReportUpdate,
  signReportUpdate,
  submitReportUpdate,
} from '../src/report/report-messages';
import { startReportRounds } from '../src/report/start-rounds';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  LAN,
  PRINCIPAL,
  rejection,
  report,
} from './support/case-harness';

/**
 * A report round at THCS Chiềng Lề, driven end to end on a compressed calendar (one school day
 * = 250 ms) with the real database and Temporal: opens pre-filled from the cases, is corrected
 * and signed, is reminded, escalated late, submitted, returned by the commune office,
 * resubmitted, accepted, and rolled up at the commune and the province.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const CAMPAIGN = 'camp-sl-2026';
const SCHOOL = 's-thcs-chiengle';
const COMMUNE_OFFICER = 'u-commune';
const ID = reportId(CAMPAIGN, 1, SCHOOL);
const MS_PER_DAY = 250;
/** The replay fixture this run writes with RECORD_HISTORIES=1 (named for the code that recorded it). */
const HISTORY_NAME = process.env.REPORT_HISTORY_NAME ?? 'report-round-returned-accepted';

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 40));
  } while (Date.now() < deadline);
  throw new Error(`never matched; last: ${JSON.stringify(last)}`);
}

/** One case being helped at the school, with November's check-in filed (tutoring, rice, money, a visit). */
async function helpedCase(): Promise<void> {
  await h.db.case.create({
    data: {
      id: 'case-rpt-1',
      code: 'HS-RPT-001',
      campaignId: CAMPAIGN,
      studentId: 'st-01',
      schoolId: SCHOOL,
      stage: 'active',
      categories: ['dropout_risk', 'economic_hardship'],
      source: 'teacher',
      helperId: LAN,
    },
  });
  await h.db.checkIn.create({
    data: {
      id: 'ci-rpt-1',
      caseId: 'case-rpt-1',
      month: '2026-11',
      term: '2026-2027/1',
      authorId: LAN,
      report: report({ notes: 'Nguyễn Thị A đi học đều' }),
      riskLevel: 'low',
      tutoringHours: 6,
      materialVnd: 470_000n,
      dueAt: new Date(),
      filedAt: new Date(),
      late: false,
    },
  });
}

describe('a report round on a compressed calendar', () => {
  it('opens, is reminded and escalated, is returned, resubmitted, accepted and rolled up', async () => {
    await helpedCase();
    // Round 1 is due 25/12: it opens 11/12, reminds 22/12, escalates 29/12. The clock starts on 10/12.
    const clock = compressed('2026-12-10', MS_PER_DAY, 200);
    const started = await startReportRounds(h.db, h.env.client, {
      campaignId: CAMPAIGN,
      clock,
      taskQueue: h.taskQueue,
      rounds: [1],
    });
    expect(started).toEqual({ started: 3, rescheduled: 0, rounds: [1], schools: 3 });
    // Starting again reaches the running workflows: nothing new.
    const again = await startReportRounds(h.db, h.env.client, {
      campaignId: CAMPAIGN,
      clock,
      taskQueue: h.taskQueue,
      rounds: [1],
    });
    expect(again.started).toBe(0);
    expect(again.rescheduled).toBe(3);

    const handle = h.env.client.workflow.getHandle(reportWorkflowId(CAMPAIGN, 1, SCHOOL));
    // Registered as not sent, then opened pre-filled from the cases.
    const opened = await until(
      () => h.db.schoolReport.findUnique({ where: { id: ID } }),
      (r) => r?.status === 'draft',
    ).then((r) => r as NonNullable<typeof r>);
    // The workflow takes its state from the opening's result a moment after the row is written.
    await until(
      () => handle.query(reportStateQuery),
      (st) => st.status === 'draft',
    );
    expect(opened.recipientUnitId).toBe('u-vhxh-chiengle');
    expect(opened.version).toBe(1);
    const figures = opened.figures as Record<string, Record<string, unknown>>;
    expect(figures.pupils).toMatchObject({
      helped: 1,
      newlyHelped: 1,
      byCategory: { dropout_risk: 1, economic_hardship: 1 },
    });
    expect(figures.help).toMatchObject({
      tutoringSessions: 4,
      tutoringHours: 6,
      moneyVnd: 200_000,
      riceKg: 15,
      riceValueVnd: 270_000,
      familyVisits: 1,
    });
    expect(figures.helpers).toBe(1);
    expect(figures.dropouts).toMatchObject({ prevented: 1, returned: 0 });
    // The check-in's free text (a child's name) never reaches the figures.
    expect(JSON.stringify(opened.figures)).not.toContain('Nguyễn');

    // Not signed: cannot be sent. A stale version is refused.
    expect(
      (await rejection(handle.executeUpdate(submitReportUpdate, { args: [{ actorId: COORDINATOR }] })))
        .refusal,
    ).toBe('REPORT_NOT_SIGNED');
    expect(
      (
        await rejection(
          handle.executeUpdate(editReportUpdate, {
            args: [{ actorId: COORDINATOR, version: 7, corrections: {} }],
          }),
        )
      ).refusal,
    ).toBe('REPORT_STALE_VERSION');

    // The coordinator corrects the money (a gift given in cash, not yet filed) and adds remarks.
    const edited = await handle.executeUpdate(editReportUpdate, {
      args: [
        {
          actorId: COORDINATOR,
          version: 1,
          remarks: 'Thêm 100.000 ₫ quỹ lớp',
          corrections: { 'help.moneyVnd': 300_000 },
        },
      ],
    });
    expect(edited).toMatchObject({ status: 'draft', version: 2 });
    // A teacher may not sign: the activity re-checks the role.
    const teacherSigns = await rejection(
      handle.executeUpdate(signReportUpdate, { args: [{ actorId: COORDINATOR, version: 2 }] }),
    );
    expect(teacherSigns.type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    expect(
      await handle.executeUpdate(signReportUpdate, { args: [{ actorId: PRINCIPAL, version: 2 }] }),
    ).toMatchObject({
      status: 'signed',
    });

    // 22/12: the reminder; 29/12: escalated, late (nobody sent it).
    const escalated = await until(
      () => handle.query(reportStateQuery),
      (s) => s.escalated,
    );
    expect(escalated).toMatchObject({ reminded: true, late: true, status: 'signed' });
    const events = await h.db.reportEvent.findMany({ where: { reportId: ID }, orderBy: { id: 'asc' } });
    const seen = events.map((e) => `${e.type}${e.audienceRole ? `→${e.audienceRole}` : ''}`);
    // The people's steps and the timers interleave as the machine allows: the set, then the order that matters.
    expect([...seen].sort()).toEqual(
      [
        'report.registered',
        'report.opened→SCHOOL_COORDINATOR',
        'report.edited',
        'report.signed',
        'report.reminded→SCHOOL_COORDINATOR',
        'report.reminded→PRINCIPAL',
        'report.escalated→PRINCIPAL',
        'report.escalated→OFFICE_COORDINATOR',
      ].sort(),
    );
    expect(seen.slice(0, 2)).toEqual(['report.registered', 'report.opened→SCHOOL_COORDINATOR']);
    expect(seen.indexOf('report.reminded→PRINCIPAL')).toBeLessThan(
      seen.indexOf('report.escalated→PRINCIPAL'),
    );
    expect(
      events.find((e) => e.type === 'report.escalated' && e.audienceRole === 'OFFICE_COORDINATOR')
        ?.audienceUnitId,
    ).toBe('u-vhxh-chiengle');

    // Submitted late; the commune office returns it with a comment: it reopens at the school.
    expect(
      await handle.executeUpdate(submitReportUpdate, { args: [{ actorId: COORDINATOR }] }),
    ).toMatchObject({
      status: 'submitted',
    });
    expect(
      (
        await rejection(
          handle.executeUpdate(reviewReportUpdate, {
            args: [{ actorId: COMMUNE_OFFICER, decision: 'return' }],
          }),
        )
      ).refusal,
    ).toBe('REPORT_RETURN_COMMENT_REQUIRED');
    await handle.executeUpdate(reviewReportUpdate, {
      args: [{ actorId: COMMUNE_OFFICER, decision: 'return', comment: 'Thiếu số buổi dạy kèm tháng 12' }],
    });
    const returned = await h.db.schoolReport.findUniqueOrThrow({ where: { id: ID } });
    expect(returned).toMatchObject({
      status: 'returned',
      late: true,
      returnComment: 'Thiếu số buổi dạy kèm tháng 12',
    });

    // Corrected, signed again, resubmitted, accepted.
    await handle.executeUpdate(editReportUpdate, {
      args: [
        {
          actorId: COORDINATOR,
          version: 2,
          corrections: { 'help.moneyVnd': 300_000, 'help.tutoringSessions': 6 },
        },
      ],
    });
    await handle.executeUpdate(signReportUpdate, { args: [{ actorId: PRINCIPAL, version: 3 }] });
    await handle.executeUpdate(submitReportUpdate, { args: [{ actorId: PRINCIPAL }] });
    // Returned again; the school answers the office and signs the same version again, unedited:
    // the signature is a new step (not the first one replayed), so it can be sent again.
    await handle.executeUpdate(reviewReportUpdate, {
      args: [{ actorId: COMMUNE_OFFICER, decision: 'return', comment: 'Xin xác nhận lại số liệu' }],
    });
    expect(
      await handle.executeUpdate(signReportUpdate, { args: [{ actorId: PRINCIPAL, version: 3 }] }),
    ).toMatchObject({ status: 'signed', version: 3 });
    expect(await h.db.schoolReport.findUniqueOrThrow({ where: { id: ID } })).toMatchObject({
      status: 'signed',
      signedVersion: 3,
    });
    expect(await handle.executeUpdate(submitReportUpdate, { args: [{ actorId: PRINCIPAL }] })).toMatchObject({
      status: 'submitted',
    });
    await handle.executeUpdate(reviewReportUpdate, {
      args: [{ actorId: COMMUNE_OFFICER, decision: 'accept' }],
    });
    const final = await handle.result();
    expect(final).toMatchObject({ status: 'accepted', version: 3, submissions: 3, reviews: 3, late: true });
    await h.recordHistory(HISTORY_NAME, reportWorkflowId(CAMPAIGN, 1, SCHOOL));

    // Every version is kept.
    const versions = await h.db.schoolReportVersion.findMany({
      where: { reportId: ID },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, v.kind])).toEqual([
      [1, 'opened'],
      [2, 'edited'],
      [3, 'edited'],
    ]);
    expect((versions[0]?.figures as { help: { moneyVnd: number } } | undefined)?.help.moneyVnd).toBe(200_000);

    // The roll-up: the commune sees this school accepted with its corrected figures; the
    // province sums it with the other schools, which were never sent (escalated, late).
    const commune = await reportRollup(h.db, {
      campaignId: CAMPAIGN,
      unitId: 'u-vhxh-chiengle',
      scope: { round: 1 },
    });
    const row = commune?.schools.find((s) => s.schoolId === SCHOOL);
    expect(row).toMatchObject({ status: 'accepted', late: true, version: 3 });
    expect(row?.figures.help).toMatchObject({ moneyVnd: 300_000, tutoringSessions: 6 });
    await until(
      () => h.db.schoolReport.count({ where: { campaignId: CAMPAIGN, round: 1, late: true } }),
      (n) => n === 3,
    );
    const province = await reportRollup(h.db, {
      campaignId: CAMPAIGN,
      unitId: 'u-so-sonla',
      scope: { round: 1 },
    });
    expect(province?.schoolCount).toBe(3);
    expect(province?.statusCounts).toMatchObject({ accepted: 1, draft: 2, late: 3 });
    expect(province?.totals.help.moneyVnd).toBe(300_000);
    expect(province?.children.map((c) => c.unitId)).toEqual(['u-vhxh-chiengle']);
    // Only codes, unit names, statuses and numbers: no child, no free text.
    const text = JSON.stringify(province);
    for (const forbidden of ['Nguyễn', 'quỹ lớp', 'Thiếu số buổi', 'HS-RPT-001', 'st-01'])
      expect(text).not.toContain(forbidden);
  }, 90_000);

  it("moves a running round to the campaign's new days: the row and the timers follow", async () => {
    const campaign = await h.db.campaign.findUniqueOrThrow({ where: { id: CAMPAIGN } });
    const settings = campaignSettingsSchema.parse(campaign.settings);
    const round2 = reportRoundDates(settings).find((d) => d.round === 2);
    if (!round2) throw new Error('no round 2');
    const ID2 = reportId(CAMPAIGN, 2, SCHOOL);
    // 100 ms a day, 50 days before the round opens: on the old days it opens in ~5 s.
    const clock = compressed(addDays(round2.opensOn, -50), 100, 200);
    await startReportRounds(h.db, h.env.client, {
      campaignId: CAMPAIGN,
      clock,
      taskQueue: h.taskQueue,
      rounds: [2],
    });
    const registered = await until(
      () => h.db.schoolReport.findUnique({ where: { id: ID2 } }),
      (r) => r !== null,
    );
    expect(registered?.dueOn.toISOString().slice(0, 10)).toBe(round2.dueOn);
    // The campaign moves the deadline 40 days earlier: the round now opens ~1 s in.
    const newDue = addDays(round2.dueOn, -40);
    await h.db.campaign.update({
      where: { id: CAMPAIGN },
      data: {
        settings: {
          ...settings,
          reportDeadlines: settings.reportDeadlines.map((d) =>
            d.due === round2.dueOn ? { ...d, due: newDue } : d,
          ),
        } as object,
      },
    });
    const again = await startReportRounds(h.db, h.env.client, {
      campaignId: CAMPAIGN,
      clock,
      taskQueue: h.taskQueue,
      rounds: [2],
    });
    expect(again).toMatchObject({ started: 0, rescheduled: 3 });
    const handle = h.env.client.workflow.getHandle(reportWorkflowId(CAMPAIGN, 2, SCHOOL));
    const moved = await until(
      () => handle.query(reportStateQuery),
      (s) => s.days?.dueOn === newDue,
      3_000,
    );
    expect(moved.days).toMatchObject({
      opensOn: addDays(newDue, -reportRoundsOf(settings).opensDaysBefore),
      dueOn: newDue,
    });
    // Opened on the new day, well before the old one (~5 s).
    const opened = await until(
      () => h.db.schoolReport.findUniqueOrThrow({ where: { id: ID2 } }),
      (r) => r.status === 'draft',
      3_000,
    );
    expect(opened.dueOn.toISOString().slice(0, 10)).toBe(newDue);
    expect(opened.opensOn.toISOString().slice(0, 10)).toBe(
      addDays(newDue, -reportRoundsOf(settings).opensDaysBefore),
    );
  }, 30_000);
});
