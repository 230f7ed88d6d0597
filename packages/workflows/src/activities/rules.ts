import { RuleViolation } from '@donghanh/db';
import { ApplicationFailure } from '@temporalio/common';
import { RULE_VIOLATION, type StepResult } from '../messages';

/** A refused business rule must not be retried: it becomes a typed, non-retryable failure. */
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
    throw error;
  }
}

/** What every step's activity returns to the workflow (event ids travel as strings). */
export function stepResult(caseId: string, stage: StepResult['stage'], eventId: bigint): StepResult {
  return { caseId, stage, eventId: eventId.toString() };
}
