import { caseConsentState } from '@donghanh/db';
import { pinnedClock } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopenUpdate, stateQuery, withdrawConsentUpdate } from '../src/messages';
import { CaseHarness, COORDINATOR, LAN, rejection } from './support/case-harness';

/**
 * The family's consent on the case's workflow, with the real database: a withdrawal closes the
 * case at once and erases its free text; a case closed so comes back only with consent anew.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());
// A school day of November: nothing of the calendar fires during the test.
const clock = () => pinnedClock(Date.now(), '2026-11-23');

describe('consent withdrawn', () => {
  it('closes the case at once, ends its tasks, releases the helper and erases the free text', async () => {
    const { caseId, handle } = await h.startActiveCase('st-01', LAN, clock());
    const withdraw = (actorId: string) =>
      handle.executeUpdate(withdrawConsentUpdate, {
        args: [{ actorId, by: 'guardian', on: '2026-11-20', note: 'Gia đình chuyển vào Nam' }],
      });
    // The helper cannot record it: the school's coordinator or principal does.
    expect((await rejection(withdraw(LAN))).type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');

    expect((await withdraw(COORDINATOR)).stage).toBe('closed');
    expect(await handle.query(stateQuery)).toMatchObject({ stage: 'closed', openTaskIds: [], offer: null });
    const c = await h.db.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { helpers: true, plans: true, tasks: { where: { status: 'OPEN' } } },
    });
    expect(c).toMatchObject({ stage: 'closed', closureReason: 'consent_withdrawn', closureNote: null });
    expect(c.closedAt).not.toBeNull();
    // Erased at the end of the school year after the one it closed in (the default retention).
    expect(c.personalDataEraseOn?.toISOString().slice(0, 10)).toBe('2028-05-30');
    expect(c.tasks).toEqual([]);
    expect(c.helpers.map((x) => x.status)).toEqual(['ENDED']);
    // The plan's goals were free text: gone at once, in the same transaction.
    expect(c.plans.map((p) => p.goals)).toEqual([{}]);
    expect(JSON.stringify(c.plans)).not.toContain('phép nhân');
    expect((await caseConsentState(h.db, caseId)).state).toBe('withdrawn');
    expect((await h.eventTypes(caseId)).at(-1)).toBe('case.consent_withdrawn');

    // Once closed, a second withdrawal is refused before anything is written.
    expect((await rejection(withdraw(COORDINATOR))).refusal).toBe('NOT_IN_PROGRESS');
    // A reopening needs the family's consent again.
    const reopen = () =>
      handle.executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Gia đình quay lại' }] });
    expect((await rejection(reopen())).type).toBe('RuleViolation:CONSENT_NOT_RECORDED');
    await h.recordConsent(caseId, '2026-11-23');
    expect((await reopen()).stage).toMatch(/^(active|assignment)$/);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataEraseOn).toBeNull();
  });
});
