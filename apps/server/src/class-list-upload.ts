import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ApiDeps,
  authoriseClassListUpload,
  classListTemplate,
  receiveAuthorisedUpload,
} from '@donghanh/api';
import { AppError, CLASS_LIST_LIMITS, ERROR_MESSAGES, type ErrorCode } from '@donghanh/domain';
import { clientAddressOf, type TrustedProxies } from './client-address';
import { originAllowed } from './http';

/**
 * The class list arrives here as the raw .xlsx body (`POST /upload/class-list?schoolId=…`, the
 * file name in `X-File-Name`, URI-encoded), not through tRPC: a 10 MB workbook is 13.3 MB in
 * base64, over the API's 1 MiB body limit that protects every other call. Same session cookie,
 * same origin check, same access rule and error codes as /trpc.
 */
export const CLASS_LIST_UPLOAD_PATH = '/upload/class-list';
export const CLASS_LIST_TEMPLATE_PATH = '/files/mau-danh-sach-hoc-sinh.xlsx';

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, code: ErrorCode, details: unknown = null, close = false) {
  const m = ERROR_MESSAGES[code];
  if (close) res.setHeader('connection', 'close');
  reply(res, m.http, { error: { appCode: code, message: m.vi, messageEn: m.en, details } });
}

/** The body up to the limit, or null past it (the rest is not read: the connection closes). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off('data', onData);
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createClassListRoutes(o: {
  deps: ApiDeps;
  allowedOrigins: readonly string[];
  trustedProxies: TrustedProxies;
}) {
  return async (req: IncomingMessage, res: ServerResponse, url: string): Promise<void> => {
    const path = url.split('?')[0];
    if (path === CLASS_LIST_TEMPLATE_PATH && req.method === 'GET') {
      const file = await classListTemplate();
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="mau-danh-sach-hoc-sinh.xlsx"',
        'cache-control': 'no-store',
      });
      res.end(file);
      return;
    }
    if (path !== CLASS_LIST_UPLOAD_PATH || req.method !== 'POST') return refuse(res, 'METHOD_NOT_ALLOWED');
    if (!originAllowed(req, o.allowedOrigins)) return refuse(res, 'CROSS_ORIGIN_REJECTED');
    const params = new URLSearchParams(url.split('?')[1] ?? '');
    const schoolId = params.get('schoolId') ?? '';
    let fileName = 'class-list.xlsx';
    try {
      fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? fileName));
    } catch {}
    try {
      // Who asks is checked before the body is read: no one unauthorised makes us take 10 MB.
      const ctx = await authoriseClassListUpload(
        o.deps,
        {
          cookie: req.headers.cookie,
          clientAddress: clientAddressOf(
            req.socket.remoteAddress,
            req.headers['x-forwarded-for'],
            o.trustedProxies,
          ),
          requestId: randomUUID(),
        },
        schoolId,
      );
      const body = await readBody(req, CLASS_LIST_LIMITS.maxBytes);
      if (!body) return refuse(res, 'CLASS_LIST_TOO_LARGE', { maxBytes: CLASS_LIST_LIMITS.maxBytes }, true);
      reply(res, 200, await receiveAuthorisedUpload(ctx, { schoolId, fileName, bytes: body }));
    } catch (error) {
      if (error instanceof AppError) return refuse(res, error.code, error.details ?? null, true);
      console.error(`[upload] class-list: ${(error as Error).name}`);
      refuse(res, 'INTERNAL');
    }
  };
}
