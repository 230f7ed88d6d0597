import { type Db, type FieldCipher, MissingRow, RuleViolation, WriteConflict } from '@donghanh/db';
import { AppError, type CaseClock, dateAt, type IsoDate } from '@donghanh/domain';
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import type { CaseHistories } from '../history/case-histories';
import { HELPING_STAGES, RULE_VIOLATION, type StepResult } from '../messages';
import type { Mailer } from '../notify/channel';

/** What every area's activities are built from. */
export interface ActivityDeps {
  db: Db;
  now?: () => Date;
  /** Seals the few values a step stores sealed (a withdrawal's note); the data key's cipher. */
  cipher?: FieldCipher;
  /** Temporal's side of erasure: deletes a case's workflow histories once its data is erased. */
  histories?: CaseHistories;
  /** Where notifications' mails go (SMTP); absent, notifications reach the bell only. */
  mailer?: Mailer;
}

export interface Scope {
  caseId: string;
  schoolUnitId: string;
}

/** Who coordinates a school's cases (the API's `coordinator` access rule). */
export const COORDINATORS = ['SCHOOL_COORDINATOR', 'PRINCIPAL'] as const;
export const coordinatorsOf = (unitId: string) => ({ roles: [...COORDINATORS], unitId });
/** The semester's timers act only on a case still being helped. */
export const HELPING = [...HELPING_STAGES];

/** Failure type of a write whose ids collide with rows it did not write (never retried). */
export const WRITE_CONFLICT = 'WriteConflict';
/** Failure type of a step that expected a row and found none (never retried). */
export const MISSING_ROW = 'MissingRow';

/**
 * A refused business rule, or a write that collides with rows it did not write, must not be
 * retried: each becomes a typed, non-retryable failure. Every activity runs inside it.
 */
export async function withRules<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RuleViolation)
      throw ApplicationFailure.create({
        type: `${RULE_VIOLATION}:${error.rule}`,
        message: error.message,
        nonRetryable: true,
        details: [error.details],
      });
    if (error instanceof WriteConflict)
      throw ApplicationFailure.create({
        type: WRITE_CONFLICT,
        message: error.message,
        nonRetryable: true,
        details: [{ target: error.target }],
      });
    // The data layer's own rules (the consent's) carry a catalogue code: refused, never retried.
    if (error instanceof AppError)
      throw ApplicationFailure.create({
        type: `${RULE_VIOLATION}:${error.code}`,
        message: error.message,
        nonRetryable: true,
        details: [error.details ?? {}],
      });
    if (error instanceof MissingRow)
      throw ApplicationFailure.create({ type: MISSING_ROW, message: error.message, nonRetryable: true });
    throw error;
  }
}

/** What every step's activity returns to the workflow (event ids travel as strings). */
export function stepResult(caseId: string, stage: StepResult['stage'], eventId: bigint): StepResult {
  return { caseId, stage, eventId: eventId.toString() };
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new RuleViolation('VALIDATION_FAILED', r.error.issues.map((i) => i.message).join('; '), {
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return r.data;
}

export function clockOf(deps: ActivityDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    now,
    after: (ms: number) => new Date(now().getTime() + ms),
    /** The school's calendar day of an instant on the case's clock (compressed in tests). */
    dayOn: (at: Date, clock: CaseClock): IsoDate => dateAt(at.getTime(), clock),
  };
}
