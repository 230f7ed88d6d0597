import { loadDemoOrganisation } from '@donghanh/db/seed';
import { unsubscribeSecretFrom, unsubscribeToken } from '@donghanh/workflows/notify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestStack, type TestStack } from '../src/testing';

/**
 * Every notification mail's unsubscribe link (issue 13): works without signing in, only with the
 * person's signed token; a GET (a mail scanner following the link) changes nothing, the POST turns
 * every mail off.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
}, 120_000);
afterAll(() => stack?.stop());

const link = (userId: string, token: string) =>
  `${stack.baseUrl}/unsubscribe?u=${encodeURIComponent(userId)}&t=${encodeURIComponent(token)}`;
const prefs = (userId: string) => stack.database.db.notificationPreference.findUnique({ where: { userId } });

describe('the unsubscribe link', () => {
  it('asks on GET, turns every mail off on POST, without signing in', async () => {
    const token = unsubscribeToken(unsubscribeSecretFrom(stack.dataKey), 'u-gv-lan');
    const before = (await prefs('u-gv-lan'))?.unsubscribed ?? false;
    expect(before).toBe(false);
    const get = await fetch(link('u-gv-lan', token));
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<form method="post"');
    expect((await prefs('u-gv-lan'))?.unsubscribed ?? false).toBe(false);
    const post = await fetch(link('u-gv-lan', token), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('không nhận thư');
    expect((await prefs('u-gv-lan'))?.unsubscribed).toBe(true);
  });

  it("refuses another person's id, a forged token, a token signed with another key", async () => {
    const token = unsubscribeToken(unsubscribeSecretFrom(stack.dataKey), 'u-gv-lan');
    const other = unsubscribeToken(unsubscribeSecretFrom(Buffer.alloc(32, 7).toString('base64')), 'u-gv-duc');
    for (const url of [
      link('u-gv-duc', token),
      link('u-gv-duc', 'x'.repeat(32)),
      link('u-gv-duc', other),
      `${stack.baseUrl}/unsubscribe`,
    ]) {
      const r = await fetch(url, { method: 'POST' });
      expect(r.status, url).toBe(400);
    }
    expect((await prefs('u-gv-duc'))?.unsubscribed ?? false).toBe(false);
  });
});
