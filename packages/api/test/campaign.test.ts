import { AppError, DEFAULT_2026_2027 } from '@donghanh/domain';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { createCaller } from '../src/root';
import { type Actor, callerFor, cipher, database, sessionUser, setUpFixture } from './support/fixture';

/** Campaigns and their calendars: who sees which, copying a year, the calendar's checks, the audit. */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const DEMO = 'camp-sl-2026';
const demoSettings = () => structuredClone({ ...DEFAULT_2026_2027, pilotCapPerClass: 3 });

/** A caller by user id, for demo accounts the shared fixture has no name for (cv.tuan of the commune). */
async function callerById(userId: string) {
  const ctx: Context = {
    db: database.db,
    temporal: {} as Client,
    user: await sessionUser(userId),
    sessionId: null,
    clientAddress: null,
    requestId: 'test',
    cipher,
  };
  return createCaller(ctx);
}

/** The app code of a rejection (FORBIDDEN, CALENDAR_INVALID …) and its details. */
async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof AppError) return { code: cause.code, details: cause.details };
    return { code: (error as { code?: string }).code, details: undefined };
  }
  throw new Error('expected a rejection');
}

const ids = async (actor: Actor) =>
  ((await (await callerFor(actor)).campaign.list({})) as { id: string }[]).map((c) => c.id);

describe('campaign visibility', () => {
  let communeCampaign: string;

  beforeAll(async () => {
    // The commune office opens its own campaign: schools under it see it, the THPT beside it does not.
    const tuan = await callerById('u-commune');
    ({ campaignId: communeCampaign } = await tuan.campaign.create({
      unitId: 'u-vhxh-chiengle',
      name: 'Tháng hành động vì học sinh khó khăn phường Chiềng Lề',
      schoolYear: 2026,
      copyFromCampaignId: DEMO,
    }));
  });

  it('shows a teacher the campaigns of their school’s units and those above, not those beside', async () => {
    expect((await ids('helper')).sort()).toEqual([DEMO, communeCampaign].sort());
    expect(await ids('principalElsewhere')).toEqual([DEMO]);
    expect((await ids('admin')).sort()).toEqual([DEMO, communeCampaign].sort());
    // The province's office sees what is run below it too.
    expect((await ids('office')).sort()).toEqual([DEMO, communeCampaign].sort());
  });

  it('refuses to open a campaign outside the caller’s units', async () => {
    const outside = await callerFor('principalElsewhere');
    expect(await failure(outside.campaign.get({ campaignId: communeCampaign }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const inside = await (await callerFor('coordinator')).campaign.get({ campaignId: communeCampaign });
    expect(inside).toMatchObject({ unitId: 'u-vhxh-chiengle', schoolYear: 2026, canManage: false });
  });

  it('lists unit name, school year, and case counts scoped to the caller', async () => {
    const [mine] = (await (await callerFor('coordinator')).campaign.list({ activeOnly: true })).filter(
      (c) => c.id === DEMO,
    );
    expect(mine).toMatchObject({
      unitName: 'Sở Giáo dục và Đào tạo tỉnh Sơn La',
      schoolYear: 2026,
      schoolYearLabel: '2026–2027',
      active: true,
    });
    // The fixture's one case is at THCS Chiềng Lề: its school counts it, THPT Tô Hiệu does not.
    expect(mine?.cases).toMatchObject({ total: 1, byStage: { active: 1, identified: 0 } });
    const elsewhere = (await (await callerFor('principalElsewhere')).campaign.list({})).find(
      (c) => c.id === DEMO,
    );
    expect(elsewhere?.cases.total).toBe(0);
    const office = (await (await callerFor('office')).campaign.list({})).find((c) => c.id === DEMO);
    expect(office?.cases.total).toBe(1);
  });

  it('gives the full settings with the check-in schedule, report rounds and semesters', async () => {
    const c = await (await callerFor('helper')).campaign.get({ campaignId: DEMO });
    expect(c.settings).toEqual(demoSettings());
    expect(c.settingsIssues).toEqual([]);
    expect(c.calendar?.semesters.map((s) => [s.start, s.end])).toEqual([
      ['2026-09-05', '2027-01-16'],
      ['2027-01-18', '2027-05-29'],
    ]);
    expect(c.calendar?.checkIns.map((w) => w.key)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
    expect(c.calendar?.reportRounds.map((r) => [r.round, r.due])).toEqual([
      [1, '2026-12-25'],
      [2, '2027-05-25'],
    ]);
    expect(c.canManage).toBe(false);
    expect((await (await callerFor('office')).campaign.get({ campaignId: DEMO })).canManage).toBe(true);
  });
});

describe('creating a campaign', () => {
  it('copies a campaign to a new school year with every date moved by a year', async () => {
    const office = await callerFor('office');
    const r = await office.campaign.create({
      unitId: 'u-so-sonla',
      name: 'Mỗi nhà giáo giúp đỡ học sinh có hoàn cảnh khó khăn — năm học 2027–2028',
      schoolYear: 2027,
      copyFromCampaignId: DEMO,
    });
    expect(r).toMatchObject({ settingsSource: 'copied', calendarNeedsReview: true });
    const c = await office.campaign.get({ campaignId: r.campaignId });
    expect(c.settings).toMatchObject({
      schoolYear: 2027,
      pilotCapPerClass: 3,
      calendar: { yearStart: '2027-09-05', semester1End: '2028-01-16', yearEnd: '2028-05-29' },
      reportDeadlines: [
        { name: 'Báo cáo học kỳ I', due: '2027-12-25' },
        { name: 'Báo cáo cuối năm học', due: '2028-05-25' },
      ],
    });
    expect(c.settings?.calendar.holidays.map((h) => h.from)).toEqual([
      '2028-01-01',
      '2028-02-03',
      '2028-04-16',
      '2028-04-30',
    ]);
    // One campaign per unit and school year: the workflows look the next year's up by both.
    expect(
      await failure(office.campaign.create({ unitId: 'u-so-sonla', name: 'Lần hai', schoolYear: 2027 })),
    ).toMatchObject({ code: 'CAMPAIGN_EXISTS' });
  });

  it('answers an invalid calendar with CALENDAR_INVALID and what is wrong, and creates nothing', async () => {
    const settings = demoSettings();
    settings.schoolYear = 2030;
    settings.calendar = {
      ...settings.calendar,
      yearStart: '2030-09-05',
      semester1End: '2031-01-16',
      semester2Start: '2031-01-18',
      yearEnd: '2030-05-29',
      holidays: [],
    };
    settings.checkInDay = 40;
    settings.reportDeadlines = [
      { name: 'Đợt 1', due: '2030-12-25' },
      { name: 'Đợt 2', due: '2031-05-25' },
    ];
    const before = await database.db.campaign.count();
    const f = await failure(
      (await callerFor('admin')).campaign.create({
        unitId: 'u-so-sonla',
        name: 'Năm 2030',
        schoolYear: 2030,
        settings,
      }),
    );
    expect(f.code).toBe('CALENDAR_INVALID');
    const issues = (f.details as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['calendar.yearEnd', 'checkInDay']),
    );
    expect(issues[0]?.message).toBe('Ngày kết thúc năm học phải sau ngày bắt đầu năm học (05/09/2030)');
    expect(await database.db.campaign.count()).toBe(before);
  });

  it('keeps a commune’s office coordinator to their commune', async () => {
    const tuan = await callerById('u-commune');
    expect(
      await failure(tuan.campaign.create({ unitId: 'u-so-sonla', name: 'Cấp tỉnh', schoolYear: 2028 })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await failure(tuan.campaign.updateSettings({ campaignId: DEMO, settings: demoSettings() })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(tuan.campaign.setActive({ campaignId: DEMO, active: false }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('leaves school roles out of creating campaigns, even for their own school', async () => {
    const principal = await callerFor('principal');
    expect(
      await failure(
        principal.campaign.create({ unitId: 'u-thcs-chiengle', name: 'Của trường', schoolYear: 2026 }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('changing a campaign', () => {
  it('saves new settings and writes an audit row naming the changed keys only', async () => {
    const office = await callerFor('office');
    const settings = demoSettings();
    settings.checkInDay = 20;
    settings.reminderDaysBefore = 5;
    const r = await office.campaign.updateSettings({ campaignId: DEMO, settings });
    expect(r).toEqual({ campaignId: DEMO, changed: ['checkInDay', 'reminderDaysBefore'] });
    const audit = await database.db.auditLog.findMany({
      where: { action: 'campaign.settings.update', subjectId: DEMO },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: 'u-office',
      subjectType: 'campaign',
      reason: 'Các mục thay đổi: checkInDay, reminderDaysBefore',
    });
    const c = await office.campaign.get({ campaignId: DEMO });
    expect(c.settings?.checkInDay).toBe(20);
    expect(c.calendar?.checkIns[1]?.dueOn).toBe('2026-10-20');

    // Saving the same settings again changes nothing and writes nothing.
    expect(await office.campaign.updateSettings({ campaignId: DEMO, settings })).toEqual({
      campaignId: DEMO,
      changed: [],
    });
    // Back to the demo's own settings for the tests that follow.
    await office.campaign.updateSettings({ campaignId: DEMO, settings: demoSettings() });
    expect(await database.db.auditLog.count({ where: { action: 'campaign.settings.update' } })).toBe(2);
  });

  it('refuses settings of another school year or with a broken calendar', async () => {
    const admin = await callerFor('admin');
    const otherYear = await failure(
      admin.campaign.updateSettings({
        campaignId: DEMO,
        settings: { ...DEFAULT_2026_2027, schoolYear: 2025 },
      }),
    );
    expect(otherYear.code).toBe('CALENDAR_INVALID');
    const broken = demoSettings();
    broken.calendar.holidays = [{ from: '2026-01-01', to: '2026-01-02', name: 'Trước năm học' }];
    const f = await failure(admin.campaign.updateSettings({ campaignId: DEMO, settings: broken }));
    expect(f).toMatchObject({ code: 'CALENDAR_INVALID' });
    expect((f.details as { issues: { path: string[] }[] }).issues[0]?.path).toEqual([
      'calendar',
      'holidays',
      '0',
    ]);
    expect((await admin.campaign.get({ campaignId: DEMO })).settings).toEqual(demoSettings());
  });

  it('closes a campaign: identifying a student in it is refused with CAMPAIGN_CLOSED', async () => {
    const office = await callerFor('office');
    expect(await office.campaign.setActive({ campaignId: DEMO, active: false })).toEqual({
      campaignId: DEMO,
      active: false,
      changed: true,
    });
    const teacher = await callerFor('otherTeacher');
    expect(
      await failure(
        teacher.case.identify({ campaignId: DEMO, studentId: 'st-05', categories: ['weak_results'] }),
      ),
    ).toMatchObject({ code: 'CAMPAIGN_CLOSED' });
    expect((await teacher.campaign.list({ activeOnly: true })).map((c) => c.id)).not.toContain(DEMO);
    await office.campaign.setActive({ campaignId: DEMO, active: true });
    const audit = await database.db.auditLog.findMany({
      where: { subjectId: DEMO, action: { in: ['campaign.close', 'campaign.reopen'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['campaign.close', 'campaign.reopen']);
  });
});
