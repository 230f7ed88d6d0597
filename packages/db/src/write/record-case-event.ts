import type { Db } from '../client';
import { Prisma } from '../generated/prisma/client';
import { MissingRow, WriteConflict } from './domain-failures';

export type Tx = Prisma.TransactionClient;

export interface CaseEventInput {
  caseId: string;
  type: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  idempotencyKey: string;
}

/**
 * Runs `change` and appends its CaseEvent in one transaction, once per idempotency key: a
 * retried activity finds its event already there and writes nothing. `payloadOf`, when given,
 * builds the payload from what `change` wrote (a version it numbered, an age it computed).
 */
export async function withCaseEvent<T>(
  db: Db,
  event: CaseEventInput,
  change: (tx: Tx) => Promise<T>,
  payloadOf?: (result: T) => Record<string, unknown>,
): Promise<{ applied: boolean; eventId: bigint; result: T | null }> {
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.caseEvent.findUnique({
        where: { idempotencyKey: event.idempotencyKey },
        select: { id: true },
      });
      if (existing) return { applied: false, eventId: existing.id, result: null };
      const result = await change(tx);
      const created = await tx.caseEvent.create({
        data: {
          caseId: event.caseId,
          type: event.type,
          payload: (payloadOf ? payloadOf(result) : (event.payload ?? {})) as Prisma.InputJsonObject,
          actorId: event.actorId ?? null,
          idempotencyKey: event.idempotencyKey,
        },
        select: { id: true },
      });
      return { applied: true, eventId: created.id, result };
    });
  } catch (error) {
    // An update or delete found no row to change: Prisma's "record not found".
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')
      throw new MissingRow(`Case step ${event.type} (${event.idempotencyKey}) found no row to change`);
    // Two attempts of the same activity raced: the loser reads the winner's event.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await db.caseEvent.findUnique({
        where: { idempotencyKey: event.idempotencyKey },
        select: { id: true },
      });
      if (existing) return { applied: false, eventId: existing.id, result: null };
      throw new WriteConflict(
        `Case step ${event.type} (${event.idempotencyKey}) collides with an existing row`,
        uniqueTarget(error),
      );
    }
    throw error;
  }
}

/**
 * Which unique index a write hit: the query engine names its fields (`meta.target`); through
 * the driver adapter it is the constraint (`{ index: 'Case_code_key' }` or `{ fields: [...] }`).
 */
function uniqueTarget(error: Prisma.PrismaClientKnownRequestError): unknown {
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } }
    | undefined;
  return meta?.target ?? meta?.driverAdapterError?.cause?.constraint;
}
