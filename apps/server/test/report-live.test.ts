import type { AppRouter } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import { LIVE_REPORT_STATUS, type LiveReportStatus } from '@donghanh/domain';
import type { createTRPCClient } from '@trpc/client';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';
import { until } from './support/until';

/**
 * The office's live view on real parts: a report's status frame goes to the school's
 * coordinators and principal and to the offices above it — never to a teacher or another school —
 * and carries codes, statuses and counts only.
 */
type Api = ReturnType<typeof createTRPCClient<AppRouter>>;
let stack: TestStack;
const sockets: Socket[] = [];
const USERS = ['cv.ha', 'cv.tuan', 'ct.huong', 'ht.binh', 'ct.thao', 'gv.lan'] as const;
const frames: Record<string, LiveReportStatus[]> = {};
const apis: Record<string, Api> = {};
const SCHOOL = 's-thcs-chiengle';

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
  for (const u of USERS) {
    apis[u] = await signedInClient(stack.baseUrl, u);
    const cookie = await signIn(stack.baseUrl, u);
    const socket = io(stack.baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
    });
    sockets.push(socket);
    frames[u] = [];
    socket.on(LIVE_REPORT_STATUS, (f: LiveReportStatus) => frames[u]?.push(f));
    await new Promise<void>((resolve, reject) => {
      socket.once('live-ready', () => resolve());
      socket.once('connect_error', reject);
    });
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
});

describe('report status frames on the live socket', () => {
  it('reach the school and the offices above it, as codes and counts only', async () => {
    // Round 1 (due 25/12/2026) opens 90 days ahead, so it is open on every day npm run test:days pins.
    const campaign = await stack.database.db.campaign.findUniqueOrThrow({ where: { id: demoCampaign.id } });
    const settings = campaign.settings as Record<string, unknown>;
    await stack.database.db.campaign.update({
      where: { id: demoCampaign.id },
      data: {
        settings: {
          ...settings,
          reportRounds: { ...(settings.reportRounds as object), opensDaysBefore: 90 },
        },
      },
    });
    const office = apis['cv.ha'] as Api;
    const started = await office.reportRound.start.mutate({ campaignId: demoCampaign.id });
    expect(started.schools).toBe(3);
    // Each school's report registers and opens at once (its opening day is past).
    const opened = (u: string) =>
      frames[u]?.find((f) => f.schoolId === SCHOOL && f.round === 1 && f.status === 'draft');
    await until(
      () => opened('cv.ha') && opened('cv.tuan') && opened('ct.huong') && opened('ht.binh'),
      30_000,
    );

    const principal = apis['ht.binh'] as Api;
    const ref = { campaignId: demoCampaign.id, round: 1, schoolId: SCHOOL };
    const report = await principal.reportRound.get.query(ref);
    await principal.reportRound.sign.mutate({ ...ref, version: report.version });
    const signed = (u: string) => frames[u]?.find((f) => f.schoolId === SCHOOL && f.status === 'signed');
    await until(() => signed('cv.tuan') && signed('cv.ha'), 10_000);
    expect(signed('cv.tuan')).toMatchObject({ type: 'report.signed', version: report.version });

    // Not a teacher of the school, not the coordinator of another school.
    expect(frames['gv.lan']).toEqual([]);
    expect(frames['ct.thao']?.some((f) => f.schoolId === SCHOOL)).toBe(false);
    // Codes, statuses and counts: the same allow-listed keys for every audience.
    for (const f of frames['cv.ha'] ?? [])
      expect(Object.keys(f).sort()).toEqual(
        ['at', 'campaignId', 'late', 'reportId', 'round', 'schoolId', 'status', 'type', 'version'].sort(),
      );
  }, 90_000);
});
