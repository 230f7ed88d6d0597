import { maskedCard } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDisplaySession } from '../src/auth/display-session';
import type { Context } from '../src/context';
import { createCaller } from '../src/root';
import { type Actor, CASE, callerFor, cipher, database, setUpFixture } from './support/fixture';

/**
 * Wall displays (issue 14) on the real database: created by the unit's coordinator, paired once,
 * reading the masked board of the unit and nothing else, revoked at once, audited. The fixture's
 * case `c-matrix` is st-06, Mùa Thị Dợ, at THCS Chiềng Lề.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const NAME = 'Mùa Thị Dợ';

/** A request as the HTTP host builds it from a Cookie header (no person signed in). */
async function screen(cookie: string | null) {
  const cookies: string[] = [];
  const ctx: Context = {
    db: database.db,
    temporal: {} as Context['temporal'],
    user: null,
    sessionId: null,
    clientAddress: null,
    requestId: 'wall-test',
    cipher,
    display: cookie ? await resolveDisplaySession(database.db, cookie, new Date()) : null,
    setCookie: (c) => cookies.push(c),
  };
  return { caller: createCaller(ctx), cookies };
}

async function createAndPair(actor: Actor, unitId: string, label: string) {
  const made = await (await callerFor(actor)).display.create({ unitId, label });
  const { caller, cookies } = await screen(null);
  await caller.wall.pair({ code: made.pairCode });
  const cookie = cookies[0]?.split(';')[0] ?? '';
  expect(cookies[0]).toMatch(
    /^dh_display=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/,
  );
  return { made, cookie };
}

const codeOf = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code;

describe('wall displays', () => {
  it("shows the school's board masked, built from the allow-list, to a screen paired once", async () => {
    const { made, cookie } = await createAndPair('coordinator', 'u-thcs-chiengle', 'Phòng hội đồng tầng 1');
    const { caller } = await screen(cookie);
    const board = await caller.wall.board({});
    expect(board.unitName).toContain('Chiềng Lề');
    expect(board.cards.map((c) => c.caseId)).toEqual([CASE]);
    expect(JSON.stringify(board)).not.toContain(NAME);
    // The masked card is exactly the allow-list, whoever made the display (a coordinator who sees names).
    const card = board.cards[0];
    expect(card).toEqual(maskedCard(card as never));
    expect(Object.keys(card ?? {}).sort()).toEqual(
      [
        'caseId',
        'code',
        'stage',
        'categories',
        'schoolId',
        'schoolName',
        'classId',
        'className',
        'riskLevel',
        'helperId',
        'helperName',
        'overdue',
        'version',
        'updatedAt',
      ].sort(),
    );
    // The pairing link works once.
    const again = await screen(null);
    await expect(again.caller.wall.pair({ code: made.pairCode })).rejects.toSatisfy(
      (e) => codeOf(e) === 'DISPLAY_PAIR_INVALID',
    );
  });

  it('answers nothing else: no board, no case, no task, no user', async () => {
    const { cookie } = await createAndPair('principal', 'u-thcs-chiengle', 'Hành lang');
    const { caller } = await screen(cookie);
    expect(await caller.auth.me()).toBeNull();
    for (const call of [
      () => caller.board.cards({}),
      () => caller.board.summary({}),
      () => caller.case.get({ caseId: CASE }),
      () => caller.task.inbox({}),
      () => caller.student.search({ q: 'mua' }),
      () => caller.report.exportCases({}),
      () => caller.display.list({}),
    ])
      await expect(call()).rejects.toSatisfy((e) => codeOf(e) === 'UNAUTHENTICATED');
  });

  it("gives an office's display the schools under it, masked", async () => {
    const { cookie } = await createAndPair('office', 'u-so-sonla', 'Phòng họp Sở');
    const board = await (await screen(cookie)).caller.wall.board({});
    expect(board.cards.map((c) => c.caseId)).toContain(CASE);
    expect(JSON.stringify(board)).not.toContain(NAME);
  });

  it("lets only the unit's own coordinators create, list and revoke; revoking ends it at once, audited", async () => {
    // The office coordinator holds her role on the province, not on the school.
    await expect(
      (await callerFor('office')).display.create({ unitId: 'u-thcs-chiengle', label: 'x' }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'FORBIDDEN');
    const { made, cookie } = await createAndPair('coordinator', 'u-thcs-chiengle', 'Thư viện');
    const listed = await (await callerFor('principal')).display.list({});
    expect(listed.units.map((u) => u.id)).toEqual(['u-thcs-chiengle']);
    const row = listed.displays.find((d) => d.id === made.id);
    expect(row).toMatchObject({ label: 'Thư viện', revokedAt: null });
    expect(row?.lastSeenAt).not.toBeNull();
    await expect((await callerFor('office')).display.list({})).resolves.toMatchObject({
      displays: expect.not.arrayContaining([expect.objectContaining({ id: made.id })]),
    });
    await expect(
      (await callerFor('coordinatorElsewhere')).display.revoke({ displayId: made.id }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'FORBIDDEN');

    expect(await (await callerFor('principal')).display.revoke({ displayId: made.id })).toEqual({
      revoked: true,
    });
    const after = await screen(cookie);
    await expect(after.caller.wall.board({})).rejects.toSatisfy((e) => codeOf(e) === 'DISPLAY_NOT_PAIRED');
    const audit = await database.db.auditLog.findMany({
      where: { action: { in: ['display.create', 'display.revoke'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.filter((a) => a.action === 'display.revoke').map((a) => [a.actorId, a.subjectId])).toEqual([
      ['u-ht-cl', made.id],
    ]);
    expect(audit.filter((a) => a.action === 'display.create').length).toBeGreaterThanOrEqual(4);
  });
});

describe('a case one may not see reads as one that does not exist', () => {
  it('answers CASE_NOT_FOUND for a made-up id and for a real case of another school alike', async () => {
    const other = await callerFor('coordinatorElsewhere');
    const made = await other.case.get({ caseId: 'c-khong-co-that' }).catch(codeOf);
    const real = await other.case.get({ caseId: CASE }).catch(codeOf);
    expect([made, real]).toEqual(['CASE_NOT_FOUND', 'CASE_NOT_FOUND']);
  });
});

describe('the task inbox names the child as the board card does', () => {
  it('names it for the helper and the coordinator, not for the teacher only offered it', async () => {
    const nameOn = async (actor: Actor) =>
      (await (await callerFor(actor)).task.inbox({}))
        .filter((t) => t.caseId === CASE)
        .map((t) => t.studentName);
    expect(await nameOn('helper')).toEqual([NAME]);
    expect((await nameOn('coordinator')).every((n) => n === NAME)).toBe(true);
    expect((await nameOn('coordinator')).length).toBeGreaterThan(0);
    const offered = await (await callerFor('offered')).task.inbox({});
    expect(JSON.stringify(offered)).not.toContain(NAME);
  });

  it('counts the same open tasks by type for the menu', async () => {
    const caller = await callerFor('coordinator');
    const inbox = await caller.task.inbox({});
    const counts = await caller.task.counts({});
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(inbox.length);
    for (const t of inbox) expect(counts[t.type]).toBeGreaterThan(0);
  });
});
