import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveSession, runTemporalCodec, SESSION_COOKIE } from '@donghanh/api';
import type { Db } from '@donghanh/db';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '@donghanh/domain';
import {
  type DataKeyCodec,
  payloadsFromJson,
  payloadsToJson,
  remoteCodecBodySchema,
} from '@donghanh/workflows/codec';
import { clientAddressOf, parseTrustedProxies, type TrustedProxies } from './client-address';
import { originAllowed } from './http';

export const CODEC_PATH = '/codec';
/** The Temporal UI batches a page of events; a payload is at most 2 MiB in Temporal. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface CodecEndpointOptions {
  db: Db;
  codec: DataKeyCodec;
  namespace: string;
  /** Origins of the Temporal UI allowed to call with the admin's cookie (CODEC_CORS_ORIGINS). */
  uiOrigins: readonly string[];
  /** Load balancers whose X-Forwarded-For names the client, as for /trpc (TRUSTED_PROXIES). */
  trustedProxies?: TrustedProxies | undefined;
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, code: ErrorCode, details?: Record<string, unknown>) {
  const m = ERROR_MESSAGES[code];
  reply(res, m.http, {
    error: { code, message: m.vi, messageEn: m.en, ...(details ? { details } : {}) },
  });
}

/** The body, or null past the limit (the rest is drained unread, so memory stays bounded). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(c);
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The session for a codec call: the dashboard's cookie (the Temporal UI sends it when "include
 * cross-origin credentials" is on) or `Authorization: Bearer <session token>` (the CLI's
 * `--codec-auth`).
 */
function sessionCookieOf(req: IncomingMessage): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return bearer ? `${SESSION_COOKIE}=${bearer}` : req.headers.cookie;
}

/**
 * Temporal's remote codec protocol (POST <endpoint>/decode and /encode, payloads as proto3 JSON)
 * for the Temporal UI and `temporal … --codec-endpoint`. Sealed history opens only here, for an
 * administrator, with an audit row per call (see runTemporalCodec).
 */
export function createCodecEndpoint(o: CodecEndpointOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    // Another site's page must not spend the admin's cookie here: only the listed Temporal UI.
    if (!originAllowed(req, o.uiOrigins)) return refuse(res, 'CROSS_ORIGIN_REJECTED');
    if (origin && o.uiOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'content-type, x-namespace, authorization',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    const op = path === `${CODEC_PATH}/decode` ? 'decode' : path === `${CODEC_PATH}/encode` ? 'encode' : null;
    if (!op) return refuse(res, 'PROCEDURE_NOT_FOUND', { path });
    if (req.method !== 'POST') return refuse(res, 'METHOD_NOT_ALLOWED', { method: req.method });
    try {
      const session = await resolveSession(o.db, sessionCookieOf(req));
      if (!session) return refuse(res, 'UNAUTHENTICATED');
      const raw = await readBody(req);
      if (!raw) return refuse(res, 'PAYLOAD_TOO_LARGE', { maxBytes: MAX_BODY_BYTES });
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse(res, 'BODY_NOT_JSON');
      }
      const body = remoteCodecBodySchema.safeParse(json);
      if (!body.success) return refuse(res, 'VALIDATION_FAILED');
      const header = req.headers['x-namespace'];
      const payloads = await runTemporalCodec(o.db, o.codec, {
        op,
        payloads: payloadsFromJson(body.data),
        namespace: (typeof header === 'string' && header) || o.namespace,
        user: session.user,
        clientAddress: clientAddressOf(
          req.socket.remoteAddress,
          req.headers['x-forwarded-for'],
          o.trustedProxies ?? parseTrustedProxies(undefined),
        ),
      });
      reply(res, 200, payloadsToJson(payloads));
    } catch (e) {
      if (e instanceof AppError) return refuse(res, e.code, e.details);
      console.error(`[codec] ${(e as Error)?.name ?? 'error'}`);
      refuse(res, 'INTERNAL');
    }
  };
}
