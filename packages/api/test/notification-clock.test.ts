import { TODAY_ENV } from '@donghanh/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, callerFor, database, setUpFixture } from './support/fixture';

/**
 * fix2: marking a notification read stamps the calendar's now (systemNow), not the wall clock:
 * with a day pinned far from the real one, the stamp falls on the pinned day.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

describe('notification.markRead', () => {
  it('stamps readAt on the pinned day of the school calendar', async () => {
    const userId = ACTORS.helper;
    await database.db.notification.create({
      data: {
        id: 'n-fix2-clock',
        userId,
        subject: 'fix2',
        kind: 'task_assigned',
        round: 'fix2',
        messageId: '<n-fix2-clock@donghanh>',
      },
    });
    const pinned = process.env[TODAY_ENV];
    process.env[TODAY_ENV] = '2020-01-15';
    try {
      const helper = await callerFor('helper');
      await helper.notification.markRead({ ids: ['n-fix2-clock'] });
    } finally {
      if (pinned === undefined) delete process.env[TODAY_ENV];
      else process.env[TODAY_ENV] = pinned;
    }
    const row = await database.db.notification.findUniqueOrThrow({ where: { id: 'n-fix2-clock' } });
    // The pinned day in Vietnam (the stamp keeps the wall clock's time of day).
    const day = new Date((row.readAt?.getTime() ?? 0) + 7 * 3600_000).toISOString().slice(0, 10);
    expect(day).toBe('2020-01-15');
  });
});
