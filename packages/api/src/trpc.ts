import { AppError, ERROR_MESSAGES, type ErrorCode } from '@donghanh/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';

const TRPC_CODE_BY_HTTP: Record<number, TRPCError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_CONTENT',
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

function appCodeOf(error: TRPCError): ErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  if (error.cause instanceof ZodError || error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR')
    return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

const t = initTRPC.context<Context>().create({
  /** Every error carries a stable code plus the Vietnamese and English message; no stack. */
  errorFormatter({ shape, error }) {
    const appCode = appCodeOf(error);
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message:
        appCode === 'INTERNAL'
          ? ERROR_MESSAGES.INTERNAL.vi
          : zod
            ? ERROR_MESSAGES.VALIDATION_FAILED.vi
            : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        appCode,
        messageEn: ERROR_MESSAGES[appCode].en,
        issues: zod?.issues.map((i) => ({ path: i.path.map(String), message: i.message })) ?? null,
        details: error.cause instanceof AppError ? (error.cause.details ?? null) : null,
      },
    };
  },
});

export const createRouter = t.router;
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

export const publicProcedure = t.procedure.use(appErrors);
