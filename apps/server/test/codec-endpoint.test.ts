import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AppRouter } from '@donghanh/api';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import {
  DataKeyCodec,
  type Payload,
  payloadsFromJson,
  payloadsToJson,
  type RemoteCodecBody,
} from '@donghanh/workflows/codec';
import { caseWorkflowId } from '@donghanh/workflows/messages';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { createTRPCClient } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../src/app';
import { signedInClient, signIn, startTestStack, type TestStack } from '../src/testing';

/**
 * The operator's way into sealed Temporal history: POST /codec/decode (Temporal's remote codec
 * protocol, as the Temporal UI and `temporal --codec-endpoint` call it). Only a signed-in
 * administrator opens payloads, each call leaves an audit row, and everyone else is refused.
 */
const UI_ORIGIN = 'http://localhost:8233';
const PLANTED = 'Lò Thị Ngọc Ánh ZQXPLANTED, bố mất sớm';
let stack: TestStack;
let server: RunningServer;
let base: string;
let api: ReturnType<typeof createTRPCClient<AppRouter>>;
let adminCookie: string;
let teacherCookie: string;
let caseId: string;
/** The screening update's sealed argument, as Temporal stores it. */
let sealed: Payload[];

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}
const auditRows = (action: string) =>
  stack.database.db.auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });
/** An answer of the endpoint: payloads, or a coded error. */
type Answer = RemoteCodecBody & { error: { code: string; details?: Record<string, unknown> } };
const read = async (res: Response) => (await res.json()) as Answer;
const utf8 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');

beforeAll(async () => {
  stack = await startTestStack({
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    temporalCli: inject('temporalCli'),
  });
  await loadDemoOrganisation(stack.database.db);
  // The server as `npm start` configures it for the embedded Temporal UI.
  server = await startServer({
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: stack.database.url,
    TEMPORAL_ADDRESS: stack.temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: stack.taskQueue,
    TEMPORAL_TIMEOUT_MS: 10_000,
    DATA_KEY: stack.dataKey,
    CODEC_CORS_ORIGINS: UI_ORIGIN,
  });
  base = `http://127.0.0.1:${server.port}`;
  api = await signedInClient(base, 'ct.huong');
  adminCookie = await signIn(base, 'quantri');
  teacherCookie = await signIn(base, 'ct.huong');

  const r = await api.case.identify.mutate({
    campaignId: demoCampaign.id,
    studentId: 'st-05',
    categories: ['economic_hardship'],
  });
  caseId = r.caseId;
  await api.case.screen.mutate({ caseId, decision: 'accept', reason: PLANTED });
  const bare = new Client({ connection: stack.temporal.connection });
  const { history } = await bare.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: caseWorkflowId(caseId) },
  });
  const updates = (history?.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  sealed = updates
    .flatMap(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? [],
    )
    .map((p) => ({ metadata: p.metadata ?? {}, data: p.data ?? new Uint8Array() }));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await stack?.stop();
});

describe('the codec endpoint for the Temporal UI and CLI', () => {
  it('finds the screening reason sealed in history', () => {
    expect(sealed.length).toBeGreaterThanOrEqual(1);
    for (const p of sealed) expect(utf8(p.metadata?.encoding)).toBe('binary/encrypted');
    expect(sealed.some((p) => utf8(p.data).includes('ZQXPLANTED'))).toBe(false);
  });

  it('opens history for a signed-in administrator, and audits the call', async () => {
    const before = (await auditRows('temporal.decode')).length;
    const res = await post('/codec/decode', payloadsToJson(sealed), { cookie: adminCookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const opened = payloadsFromJson(await read(res)).map((p) => defaultPayloadConverter.fromPayload(p));
    expect(JSON.stringify(opened)).toContain(PLANTED);
    const rows = await auditRows('temporal.decode');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorId: 'u-admin',
      subjectType: 'temporal.namespace',
      subjectId: 'default',
      reason: `${sealed.length} payloads`,
    });
  });

  it('takes the session token as a bearer token (the CLI’s --codec-auth)', async () => {
    const token = adminCookie.split('=')[1] as string;
    const res = await post('/codec/decode', payloadsToJson(sealed), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await read(res))).not.toContain('YmluYXJ5L2VuY3J5cHRlZA'); // "binary/encrypted"
  });

  it('refuses anyone else: anonymous 401, a signed-in non-admin 403 (audited), a bad token 401', async () => {
    const refusedBefore = (await auditRows('temporal.decode.refused')).length;
    const decodesBefore = (await auditRows('temporal.decode')).length;
    const anonymous = await post('/codec/decode', payloadsToJson(sealed));
    expect(anonymous.status).toBe(401);
    const anonBody = await anonymous.text();
    expect(anonBody).toContain('UNAUTHENTICATED');
    expect(anonBody).not.toContain(PLANTED);
    const teacher = await post('/codec/decode', payloadsToJson(sealed), { cookie: teacherCookie });
    expect(teacher.status).toBe(403);
    const body = await read(teacher);
    expect(body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.any(String),
      messageEn: expect.any(String),
    });
    expect(JSON.stringify(body)).not.toContain(PLANTED);
    const forged = await post('/codec/decode', payloadsToJson(sealed), {
      authorization: `Bearer ${'x'.repeat(43)}`,
    });
    expect(forged.status).toBe(401);
    const refused = await auditRows('temporal.decode.refused');
    expect(refused.length).toBe(refusedBefore + 1);
    expect(refused.at(-1)).toMatchObject({ actorId: 'u-ct-cl' });
    expect((await auditRows('temporal.decode')).length).toBe(decodesBefore);
  });

  it('lets the configured Temporal UI origin call with credentials, and refuses any other site', async () => {
    const preflight = await fetch(`${base}/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin: UI_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-namespace',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-namespace');
    const fromUi = await post('/codec/decode', payloadsToJson(sealed), {
      cookie: adminCookie,
      origin: UI_ORIGIN,
    });
    expect(fromUi.status).toBe(200);
    expect(fromUi.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);

    const before = (await auditRows('temporal.decode')).length;
    const evil = await post('/codec/decode', payloadsToJson(sealed), {
      cookie: adminCookie,
      origin: 'http://localhost:9999',
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await read(evil)).error.code).toBe('CROSS_ORIGIN_REJECTED');
    expect((await auditRows('temporal.decode')).length).toBe(before);
  });

  it('answers a tampered payload, a payload of another key and a malformed body with a code', async () => {
    const [first] = sealed;
    const data = Buffer.from(first?.data ?? []);
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1;
    const tampered = await post('/codec/decode', payloadsToJson([{ ...first, data }]), {
      cookie: adminCookie,
    });
    expect(tampered.status).toBe(422);
    expect((await read(tampered)).error).toMatchObject({
      code: 'PAYLOAD_UNREADABLE',
      details: { reason: 'tampered' },
    });
    const other = await new DataKeyCodec({ current: Buffer.alloc(32, 7).toString('base64') }).encode(sealed);
    const foreign = await post('/codec/decode', payloadsToJson(other), { cookie: adminCookie });
    expect((await read(foreign)).error).toMatchObject({
      code: 'PAYLOAD_UNREADABLE',
      details: { reason: 'unknown-key' },
    });
    const notJson = await post('/codec/decode', '{not json', { cookie: adminCookie });
    expect(notJson.status).toBe(400);
    expect((await read(notJson)).error.code).toBe('BODY_NOT_JSON');
    for (const bad of [JSON.stringify({ payloads: [{ data: '!!' }] }), '[]']) {
      const res = await post('/codec/decode', bad, { cookie: adminCookie });
      expect(res.status).toBe(400);
      expect((await read(res)).error.code).toBe('VALIDATION_FAILED');
    }
    const wrongMethod = await fetch(`${base}/codec/decode`, { headers: { cookie: adminCookie } });
    expect(wrongMethod.status).toBe(405);
    expect((await read(wrongMethod)).error.code).toBe('METHOD_NOT_ALLOWED');
    const unknown = await post('/codec/other', { payloads: [] }, { cookie: adminCookie });
    expect(unknown.status).toBe(404);
    expect((await read(unknown)).error.code).toBe('PROCEDURE_NOT_FOUND');
    // proto3 JSON's empty list (what the CLI sends for an event without payloads).
    const empty = await post('/codec/decode', '{}', { cookie: adminCookie });
    expect(await read(empty)).toEqual({ payloads: [] });
  });

  it('encodes for an administrator (the UI seals what it sends) in a form the worker opens', async () => {
    const plain = [defaultPayloadConverter.toPayload({ note: 'từ giao diện Temporal' })];
    const res = await post('/codec/encode', payloadsToJson(plain), { cookie: adminCookie });
    expect(res.status).toBe(200);
    const encoded = payloadsFromJson(await read(res));
    expect(utf8(encoded[0]?.metadata?.encoding)).toBe('binary/encrypted');
    const opened = await new DataKeyCodec({ current: stack.dataKey }).decode(encoded);
    expect(defaultPayloadConverter.fromPayload(opened[0] as Payload)).toEqual({
      note: 'từ giao diện Temporal',
    });
    expect((await post('/codec/encode', payloadsToJson(plain), { cookie: teacherCookie })).status).toBe(403);
  });

  it('opens history for `temporal workflow show --codec-endpoint` with the admin’s token, not without', async () => {
    const token = adminCookie.split('=')[1] as string;
    // Asynchronous: the CLI calls back into this process's server, which a blocked loop could not answer.
    const show = async (extra: string[]) =>
      (
        await promisify(execFile)(
          inject('temporalCli'),
          [
            'workflow',
            'show',
            '--address',
            stack.temporal.address,
            '--workflow-id',
            caseWorkflowId(caseId),
            '--output',
            'json',
            ...extra,
          ],
          { encoding: 'utf8', timeout: 30_000 },
        )
      ).stdout;
    const opened = (text: string) => {
      const out: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === 'string') out.push(v, Buffer.from(v, 'base64').toString('utf8'));
        else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
      };
      walk(JSON.parse(text));
      return out.join('\n');
    };
    const endpoint = ['--codec-endpoint', `${base}/codec`];
    const before = (await auditRows('temporal.decode')).length;
    expect(opened(await show(endpoint.concat(['--codec-auth', `Bearer ${token}`])))).toContain(PLANTED);
    expect((await auditRows('temporal.decode')).length).toBeGreaterThan(before);
    expect(opened(await show([]))).not.toContain(PLANTED);
    const anonymous = await show(endpoint.concat(['--command-timeout', '3s'])).then(
      opened,
      (e: { stderr?: string }) => String(e.stderr ?? e),
    );
    expect(anonymous).not.toContain(PLANTED);
  }, 60_000);
});
