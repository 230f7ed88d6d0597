import type { Db } from '@donghanh/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, callerFor, cipher, database, setUpFixture } from './support/fixture';

/**
 * The office's case page is built from an allow-list: whatever a school writes in free text —
 * goals, comments, notes, item descriptions, subjects, reasons, the closure note, the sponsor —
 * stays with the school's staff on the case. An offered teacher sees the child's name to decide,
 * and the free text and the family's circumstances only after accepting.
 */
beforeAll(async () => {
  await setUpFixture();
  const db = database.db;
  const said = (where: string) => `${PLANTED} ${where}`;
  await db.case.update({
    where: { id: CASE },
    data: {
      closureNote: said('closure note'),
      sponsorName: said('sponsor'),
      sponsorNote: said('sponsor note'),
    },
  });
  await db.helpPlan.create({
    data: {
      id: `${CASE}:plan:1`,
      caseId: CASE,
      version: 1,
      status: 'RETURNED',
      goals: { week: said('week'), month: said('month'), semester: said('semester') },
      kinds: ['tutoring', 'material'],
      authorId: 'u-gv-lan',
      reviewerId: 'u-ct-cl',
      comment: said('return comment'),
    },
  });
  await db.checkIn.create({
    data: {
      id: `${CASE}:ci:2026-11`,
      caseId: CASE,
      month: '2026-11',
      term: '2026-2027/1',
      authorId: 'u-gv-lan',
      report: {
        tutoring: { sessions: 4, hours: 6, subjects: [said('subject')] },
        material: [{ kind: 'rice', description: said('item'), quantity: 15, valueVnd: 300000 }],
        familyContact: { visits: 1, calls: 2 },
        absentDays: 3,
        riskLevel: 'medium',
        notes: said('check-in notes'),
      },
      riskLevel: 'medium',
      tutoringHours: 6,
      materialVnd: 300000n,
      dueAt: new Date('2026-11-25T17:00:00Z'),
      filedAt: new Date('2026-11-20T03:00:00Z'),
      late: false,
    },
  });
  await db.evaluation.create({
    data: {
      id: `${CASE}:eval:1`,
      caseId: CASE,
      term: '2026-2027/1',
      version: 1,
      status: 'RETURNED',
      content: {
        resultsBefore: 'dat',
        resultsAfter: 'kha',
        conductBefore: 'tot',
        conductAfter: 'tot',
        progress: said('progress'),
        stillAtRisk: false,
        recommendation: 'propose_closure',
        closureReason: 'goal_reached',
      },
      decision: 'propose_closure',
      authorId: 'u-gv-lan',
      comment: said('evaluation comment'),
      draftedAt: new Date('2026-12-20T03:00:00Z'),
    },
  });
  const event = (type: string, payload: Record<string, string | number>) =>
    db.caseEvent.create({
      data: { caseId: CASE, type, payload, actorId: 'u-ct-cl', idempotencyKey: `${CASE}:${type}:planted` },
    });
  await event('case.reopened', { reason: said('reopen'), round: 1 });
  await event('case.closure_proposed', { reason: 'goal_reached', note: said('closure') });
  await event('case.note', { text: said('note') });
  await event('case.evaluation_returned', { term: '2026-2027/1', version: 1, comment: said('comment') });
  await db.task.update({
    where: { id: `${CASE}:risk:2026-11` },
    data: { payload: { month: '2026-11', note: said('task') } },
  });
  await db.student.update({
    where: { id: 'st-06' },
    data: { familySealed: cipher.seal(said('family'), 'st-06') },
  });
});
afterAll(() => database?.drop());

const PLANTED = 'Ngọc Ánh Planted';
const NAME = 'Mùa Thị Dợ';

describe("an office's case page", () => {
  it('carries codes, counts, dates and enums, and none of the free text the school wrote', async () => {
    const seen = await (await callerFor('office')).case.get({ caseId: CASE });
    const wire = JSON.stringify(seen);
    expect(wire).not.toContain('Planted');
    expect(wire).not.toContain(NAME);
    expect(seen.view).toBe('masked');
    expect(seen.closureNote).toBeNull();
    expect(seen.sponsorName).toBeNull();
    expect(seen.plans[0]).toMatchObject({ status: 'RETURNED', kinds: ['tutoring', 'material'], goals: null });
    expect(seen.checkIns[0]?.report).toEqual({
      tutoring: { sessions: 4, hours: 6 },
      material: [{ kind: 'rice', quantity: 15, valueVnd: 300000 }],
      familyContact: { visits: 1, calls: 2 },
      absentDays: 3,
      riskLevel: 'medium',
    });
    expect(seen.evaluations[0]?.content).toMatchObject({
      resultsAfter: 'kha',
      closureReason: 'goal_reached',
    });
    expect(seen.totals).toEqual({ tutoringHours: 6, materialVnd: 300000, late: 0 });
    // An enum that shares the `reason` key with free text survives; the free text does not.
    expect(seen.events.find((e) => e.type === 'case.closure_proposed')?.payload).toEqual({
      reason: 'goal_reached',
    });
    expect(seen.events.find((e) => e.type === 'case.reopened')?.payload).toEqual({ round: 1 });
    expect(seen.tasks.find((t) => t.type === 'risk_alert')?.payload).toEqual({ month: '2026-11' });
  });

  it('after a reveal shows who the child is, still without the free text or the family', async () => {
    const office = await callerFor('office');
    const r = await office.case.revealIdentity({
      caseId: CASE,
      reason: 'Xác minh trước khi xét khen thưởng',
    });
    expect(r.case.view).toBe('revealed');
    expect(r.case.identity?.fullName).toBe(NAME);
    expect(r.case.identity?.family).toBeNull();
    expect(JSON.stringify(r.case)).not.toContain('Planted');
  });

  it('shows the school staff on the case everything they wrote', async () => {
    const seen = await (await callerFor('helper')).case.get({ caseId: CASE });
    expect(seen.view).toBe('named');
    const wire = JSON.stringify(seen);
    for (const where of [
      'week',
      'return comment',
      'check-in notes',
      'item',
      'progress',
      'closure note',
      'note',
    ])
      expect(wire).toContain(`${PLANTED} ${where}`);
    expect(seen.identity?.family).toBe(`${PLANTED} family`);
  });

  it('shows a teacher only offered the case the name to decide, audited, but no free text and not the family', async () => {
    const seen = await (await callerFor('offered')).case.get({ caseId: CASE });
    expect(seen.view).toBe('named');
    expect(seen.identity?.fullName).toBe(NAME);
    expect(seen.identity?.family).toBeNull();
    // The office's allow-listed content, nothing more: no goals, comments, notes, sponsor, payloads.
    expect(JSON.stringify(seen)).not.toContain('Planted');
    expect(seen.freeText).toBe(false);
    const office = await (await callerFor('office')).case.get({ caseId: CASE });
    const content = ({ view: _v, identity: _i, masked: _m, revealedUntil: _r, ...rest }: typeof seen) => rest;
    expect(content(seen)).toEqual(content(office));
    const audit = await database.db.auditLog.findMany({ where: { actorId: 'u-gv-duc' } });
    expect(audit.map((a) => [a.action, a.reason])).toEqual([['student.read', 'offer to decide']]);
  });

  it('keeps the reveal it read: one that lapses during the request still answers, not a 500', async () => {
    const db = database.db;
    await db.identityReveal.deleteMany({ where: { caseId: CASE } });
    const office = await callerFor('office');
    await office.case.revealIdentity({ caseId: CASE, reason: 'Xác minh trước khi xét khen thưởng' });
    // The reveal lapses right after the request has read it.
    const reveals = new Proxy(db.identityReveal, {
      get(target, key, receiver) {
        if (key !== 'findFirst') return Reflect.get(target, key, receiver);
        return async (args: Parameters<Db['identityReveal']['findFirst']>[0]) => {
          const found = await target.findFirst(args);
          await target.updateMany({
            where: { caseId: CASE },
            data: { expiresAt: new Date(Date.now() - 1000) },
          });
          return found;
        };
      },
    });
    const lapsing = new Proxy(db, {
      get: (target, key, receiver) =>
        key === 'identityReveal' ? reveals : Reflect.get(target, key, receiver),
    });
    const seen = await (await callerFor('office', { db: lapsing })).case.get({ caseId: CASE });
    expect(seen.view).toBe('revealed');
    expect(seen.identity?.fullName).toBe(NAME);
    expect(seen.revealedUntil).not.toBeNull();
    // The next read finds no live reveal: masked again.
    expect((await office.case.get({ caseId: CASE })).view).toBe('masked');
  });
});
