import type { FeedEvent } from '@donghanh/db';
import { loadDemoOrganisation } from '@donghanh/db/seed';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CaseEventTailer } from '../src/live/case-event-tailer';

/**
 * The feed must deliver every committed CaseEvent exactly once, even when transactions commit
 * out of id order — the case a naive `id > cursor` reader gets wrong.
 */
let database: TestDatabase;
let tailer: CaseEventTailer | null = null;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  clients.push(c);
  return c;
}

let n = 0;
async function insertEvent(c: pg.Client, caseId: string): Promise<bigint> {
  n++;
  const r = await c.query<{ id: string }>(
    `INSERT INTO "CaseEvent" ("caseId", type, "idempotencyKey") VALUES ($1, 'test.event', $2) RETURNING id::text`,
    [caseId, `k-${n}-${Math.random()}`],
  );
  return BigInt(r.rows[0]?.id as string);
}

function collect(t: CaseEventTailer): FeedEvent[] {
  const seen: FeedEvent[] = [];
  t.subscribe((events) => seen.push(...events));
  return seen;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  for (const id of ['case-a', 'case-b']) {
    await database.db.case.create({
      data: {
        id,
        code: `HS25-${id.toUpperCase()}`,
        campaignId: 'camp-sl-2026',
        studentId: id === 'case-a' ? 'st-01' : 'st-02',
        schoolId: 's-thcs-chiengle',
        stage: 'identified',
        categories: ['weak_results'],
        source: 'staff_proposal',
      },
    });
  }
});
afterEach(async () => {
  await tailer?.stop();
  tailer = null;
  while (clients.length) await clients.pop()?.end();
});
afterAll(async () => {
  await database?.drop();
});

describe('CaseEvent tailer', () => {
  it('delivers a live event within a NOTIFY round trip', async () => {
    tailer = new CaseEventTailer({ databaseUrl: database.url, pollMs: 60_000 });
    await tailer.start();
    const seen = collect(tailer);
    const c = await client();
    const id = await insertEvent(c, 'case-a');
    await until(() => seen.some((e) => e.id === id), 2000);
    expect(seen.find((e) => e.id === id)?.card.code).toBe('HS25-CASE-A');
  });

  it('holds a later transaction back until an older one commits, then delivers both once, in order', async () => {
    tailer = new CaseEventTailer({ databaseUrl: database.url, pollMs: 60_000 });
    await tailer.start();
    const seen = collect(tailer);
    const slow = await client();
    const fast = await client();

    // slow takes its transaction id first, then fast writes and commits an event
    await slow.query('BEGIN');
    await slow.query(`INSERT INTO "SystemFlag"(key, value) VALUES ('hold-${n}', 'x')`);
    await fast.query('BEGIN');
    const fastId = await insertEvent(fast, 'case-b');
    await fast.query('COMMIT');
    // …and only now does slow write its event: a higher id from the older transaction
    const slowId = await insertEvent(slow, 'case-a');
    expect(slowId > fastId).toBe(true);

    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((e) => e.id)).not.toContain(fastId); // not final yet: slow is still open

    await slow.query('COMMIT');
    await until(() => seen.length >= 2);
    expect(seen.map((e) => e.id)).toEqual([slowId, fastId]); // (txid, id) order
  });

  it('does not skip an event with a lower id that commits after a higher one', async () => {
    tailer = new CaseEventTailer({ databaseUrl: database.url, pollMs: 60_000 });
    await tailer.start();
    const seen = collect(tailer);
    const early = await client();
    const late = await client();

    await early.query('BEGIN');
    const lowId = await insertEvent(early, 'case-a'); // takes the lower id, commits last
    const highId = await insertEvent(late, 'case-b'); // autocommit: committed first
    expect(lowId < highId).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    await early.query('COMMIT');

    await until(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((e) => e.id).sort()).toEqual([lowId, highId].sort());
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  });

  it('catches up after missing notifications (poll safety net)', async () => {
    const c = await client();
    tailer = new CaseEventTailer({ databaseUrl: database.url, pollMs: 200 });
    await tailer.start();
    const seen = collect(tailer);
    // Events written with NOTIFY suppressed: only the poll can find them.
    await c.query('BEGIN');
    await c.query('ALTER TABLE "CaseEvent" DISABLE TRIGGER case_event_notify');
    const ids = [await insertEvent(c, 'case-a'), await insertEvent(c, 'case-b')];
    await c.query('ALTER TABLE "CaseEvent" ENABLE TRIGGER case_event_notify');
    await c.query('COMMIT');
    await until(() => ids.every((id) => seen.some((e) => e.id === id)), 3000);
  });

  it('refuses to edit or delete history', async () => {
    const c = await client();
    const id = await insertEvent(c, 'case-a');
    await expect(c.query(`UPDATE "CaseEvent" SET type = 'x' WHERE id = $1`, [id.toString()])).rejects.toThrow(
      /append-only/,
    );
    await expect(c.query(`DELETE FROM "CaseEvent" WHERE id = $1`, [id.toString()])).rejects.toThrow(
      /append-only/,
    );
  });
});
