import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyCaseStep, type CaseStep, type Db } from '../src';
import { PrismaClient } from '../src/generated/prisma/client';
import { loadDemoOrganisation } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/**
 * h13: what notifications cost a case step (docs/notifications.md, "Measured"). Each step is
 * measured twice — once opening a task of a kind that notifies no one, once of a kind that
 * notifies — on a client that counts every statement it sends; the difference is the outbox's.
 */
let database: TestDatabase;
let counted: PrismaClient<{ log: [{ emit: 'event'; level: 'query' }] }, 'query'>;
let statements = 0;
beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  counted = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: 2 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  counted.$on('query', () => {
    statements += 1;
  });
  for (const [i, id] of ['case-q-1', 'case-q-2'].entries())
    await database.db.case.create({
      data: {
        id,
        code: `HS26-Q00${i}`,
        campaignId: 'camp-sl-2026',
        studentId: `st-0${i + 1}`,
        schoolId: 's-thcs-chiengle',
        stage: 'active',
        categories: ['economic_hardship'],
        source: 'teacher',
        helperId: 'u-gv-lan',
      },
    });
});
afterAll(async () => {
  await counted?.$disconnect();
  await database?.drop();
});

async function statementsOf(step: CaseStep): Promise<number> {
  const before = statements;
  await applyCaseStep(counted as unknown as Db, step);
  return statements - before;
}

const base = (caseId: string, key: string): CaseStep => ({
  caseId,
  type: 'case.test_step',
  idempotencyKey: key,
  now: new Date('2026-12-20T03:00:00Z'),
});

describe('notifications on the case step hot path', () => {
  it('costs at most two statements per step (one read, one insert), whatever the recipients', async () => {
    const unit = 'u-thcs-chiengle';
    // Warm the client (its first statement is slower, not more numerous).
    await statementsOf({ ...base('case-q-1', 'warm'), openTasks: [] });
    const quiet = await statementsOf({
      ...base('case-q-1', 'k1'),
      openTasks: [
        {
          id: 'case-q-1:t1',
          type: 'not_a_notification',
          assigneeRole: 'SCHOOL_COORDINATOR',
          scopeUnitId: unit,
        },
      ],
    });
    // A task for the school's coordinators: every holder of the role there is notified.
    const toRole = await statementsOf({
      ...base('case-q-2', 'k2'),
      openTasks: [
        { id: 'case-q-2:t1', type: 'review_plan', assigneeRole: 'SCHOOL_COORDINATOR', scopeUnitId: unit },
      ],
    });
    // A risk alert: the coordinators and the principal.
    const risk = await statementsOf({
      ...base('case-q-1', 'k3'),
      openTasks: [
        { id: 'case-q-1:risk', type: 'risk_alert', assigneeRole: 'SCHOOL_COORDINATOR', scopeUnitId: unit },
      ],
    });
    // A timer's step about a task opened earlier (the reminder): the task is read, not known.
    await applyCaseStep(database.db, {
      ...base('case-q-2', 'k4'),
      openTasks: [{ id: 'case-q-2:checkin', type: 'not_a_notification', assigneeUserId: 'u-gv-lan' }],
    });
    const timerQuiet = await statementsOf({ ...base('case-q-2', 'k5') });
    const reminder = await statementsOf({
      ...base('case-q-2', 'k6'),
      notify: [{ taskId: 'case-q-2:checkin', kind: 'checkin_reminder' }],
    });
    const figures = {
      'step opening a task (no notification)': quiet,
      'step opening a coordinators’ task (notifies)': toRole,
      'step opening a risk alert (coordinators + principal)': risk,
      'timer step (no notification)': timerQuiet,
      'timer step with a reminder (notifies)': reminder,
    };
    console.log(`statements per applyCaseStep: ${JSON.stringify(figures, null, 2)}`);
    expect(toRole - quiet).toBeLessThanOrEqual(2);
    expect(risk - quiet).toBeLessThanOrEqual(2);
    expect(reminder - timerQuiet).toBeLessThanOrEqual(2);
    // And they did notify the right people.
    const rows = await database.db.notification.findMany({ select: { kind: true, userId: true } });
    const seen = rows.map((r) => `${r.kind}→${r.userId}`).sort();
    expect(seen).toEqual(
      ['checkin_reminder→u-gv-lan', 'review_plan→u-ct-cl', 'risk_alert→u-ct-cl', 'risk_alert→u-ht-cl'].sort(),
    );
  });
});
