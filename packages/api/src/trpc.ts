import { API_LIMITS, AppError, ERROR_MESSAGES, type ErrorCode } from '@donghanh/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { ZodError } from 'zod';
import type { AccessRule } from './access/rules';
import type { Context, SessionUser } from './context';

const TRPC_CODE_BY_HTTP: Record<number, TRPCError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
  500: 'INTERNAL_SERVER_ERROR',
};

export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({
    code: TRPC_CODE_BY_HTTP[ERROR_MESSAGES[error.code].http] ?? 'INTERNAL_SERVER_ERROR',
    message: error.message,
    cause: error,
  });
}

/** What tRPC itself refuses (before any procedure runs), as the catalogue's codes. */
const APP_CODE_BY_TRPC: Partial<Record<TRPCError['code'], ErrorCode>> = {
  BAD_REQUEST: 'VALIDATION_FAILED',
  PARSE_ERROR: 'BODY_NOT_JSON',
  NOT_FOUND: 'PROCEDURE_NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

function appCodeOf(error: TRPCError): ErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  if (error.cause instanceof ZodError) return 'VALIDATION_FAILED';
  // tRPC reads the body lazily and wraps the parser's SyntaxError as BAD_REQUEST.
  if (error.cause instanceof SyntaxError) return 'BODY_NOT_JSON';
  return APP_CODE_BY_TRPC[error.code] ?? 'INTERNAL';
}

/** Every procedure names its access rule: the router refuses one that does not. */
export interface ProcedureMeta {
  access: string;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    /** Every error carries a stable code plus the Vietnamese and English message; no stack. */
    errorFormatter({ shape, error }) {
      const appCode = appCodeOf(error);
      const zod = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        // Only an AppError's own message is passed on; tRPC's and parsers' are raw English.
        message: error.cause instanceof AppError ? shape.message : ERROR_MESSAGES[appCode].vi,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode,
          messageEn: ERROR_MESSAGES[appCode].en,
          issues: zod?.issues.map((i) => ({ path: i.path.map(String), message: i.message })) ?? null,
          details:
            error.cause instanceof AppError
              ? (error.cause.details ?? null)
              : appCode === 'PAYLOAD_TOO_LARGE'
                ? { maxBodyBytes: API_LIMITS.maxBodyBytes, maxBatchSize: API_LIMITS.maxBatchSize }
                : null,
        },
      };
    },
  });

type RouterRecord = Parameters<typeof t.router>[0];

/**
 * Routers are built here only: a procedure without an access rule (built outside `guarded` or
 * `publicProcedure`) stops the server at start, before any request is served.
 */
export function createRouter<R extends RouterRecord>(record: R) {
  const router = t.router(record);
  for (const [path, procedure] of Object.entries(router._def.procedures)) {
    const meta = (procedure as { _def: { meta?: ProcedureMeta } })._def.meta;
    if (!meta?.access) throw new Error(`Procedure ${path} has no access rule`);
  }
  return router;
}

export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors thrown by operations into typed tRPC errors. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const mapped = toTrpcError(result.error.cause);
    return { ...result, error: mapped };
  }
  return result;
});

/** Open to everyone (sign-in itself, `me`): the access matrix lists it as `public`. */
export const publicProcedure = t.procedure.use(appErrors).meta({ access: 'public' });

/** The guarded procedures a user with a temporary password may still call. */
const PASSWORD_CHANGE_PATHS = new Set(['auth.changePassword']);

/**
 * A procedure guarded by `rule`: the caller must be signed in and the rule must allow the
 * validated input (open procedures use `publicProcedure`). Refusals are FORBIDDEN before any work is done.
 */
export function guarded<S extends z.ZodType>(rule: AccessRule<z.output<S>>, input: S) {
  return t.procedure
    .use(appErrors)
    .meta({ access: rule.name })
    .input(input)
    .use(async ({ ctx, input: value, next, path }) => {
      if (!ctx.user) throw toTrpcError(new AppError('UNAUTHENTICATED'));
      const user: SessionUser = ctx.user;
      // Whoever holds a temporary password (handed over by an administrator, seen by them) must
      // replace it before acting; `me` and `signOut` are public procedures and stay open.
      if (user.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(path))
        throw toTrpcError(new AppError('PASSWORD_CHANGE_REQUIRED'));
      if (!(await rule.allows({ ...ctx, user }, value as z.output<S>)))
        throw toTrpcError(new AppError(rule.refusal ?? 'FORBIDDEN'));
      return next({ ctx: { user } });
    });
}

// wall: the wall display (issue 14)
/**
 * What a wall display may call: its own masked board, nothing else. It needs the display cookie
 * and never a person's session (a signed-in user gets nothing more here, and a display gets
 * nothing from `guarded` procedures, which need a user).
 */
export const displayProcedure = t.procedure
  .use(appErrors)
  .meta({ access: 'display' })
  .use(async ({ ctx, next }) => {
    if (!ctx.display) throw toTrpcError(new AppError('DISPLAY_NOT_PAIRED'));
    return next({ ctx: { display: ctx.display } });
  });
