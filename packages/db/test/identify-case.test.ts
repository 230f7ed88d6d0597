import { caseCodeCandidate } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { identifyCase } from '../src';
import { loadDemoOrganisation } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
});
afterAll(() => database?.drop());

const record = (caseId: string, studentId: string, code: string) => ({
  caseId,
  code,
  campaignId: 'camp-sl-2026',
  studentId,
  schoolId: 's-thcs-chiengle',
  categories: ['economic_hardship' as const],
  source: 'staff_proposal',
  screeningUnitId: 'u-thcs-chiengle',
  screeningDueAt: new Date('2026-12-10T00:00:00Z'),
  idempotencyKey: `${caseId}:identified`,
  screeningTaskId: `${caseId}:screening`,
});

/** Until a session waits on a row lock: the losing insert is parked on the unique index. */
async function someoneWaitsOnALock(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [row] = await database.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row && row.n > 0n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no session ever waited on the unique index');
}

describe('two new cases racing for one case code', () => {
  it('the loser takes the next candidate instead of failing for good', async () => {
    const db = database.db;
    const code = 'HS26-RACE01';
    // The winner's identification has inserted its case with the code, not yet committed: the
    // loser's check sees the code free and its insert waits on the unique index.
    let commit!: () => void;
    const held = new Promise<void>((r) => {
      commit = r;
    });
    const winner = db.$transaction(
      async (tx) => {
        await tx.case.create({
          data: {
            id: 'c-race-winner',
            code,
            campaignId: 'camp-sl-2026',
            studentId: 'st-01',
            schoolId: 's-thcs-chiengle',
            stage: 'identified',
            categories: ['economic_hardship'],
            source: 'staff_proposal',
          },
        });
        await held;
      },
      { timeout: 30_000 },
    );
    const loser = identifyCase(db, record('c-race-loser', 'st-02', code));
    await someoneWaitsOnALock();
    commit();
    await winner;
    const r = await loser;
    expect(r.applied).toBe(true);
    expect(r.code).toBe(caseCodeCandidate(code, 'c-race-loser', 1));
    expect((await db.case.findUniqueOrThrow({ where: { id: 'c-race-loser' } })).code).toBe(r.code);
    expect(await db.task.count({ where: { id: 'c-race-loser:screening' } })).toBe(1);
  });

  it('two identifications sent together both get a case, with different codes', async () => {
    const code = 'HS26-RACE02';
    const [a, b] = await Promise.all([
      identifyCase(database.db, record('c-pair-a', 'st-04', code)),
      identifyCase(database.db, record('c-pair-b', 'st-05', code)),
    ]);
    expect(new Set([a.code, b.code]).size).toBe(2);
    expect([a.code, b.code]).toContain(code);
  });
});
