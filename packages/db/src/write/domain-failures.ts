/**
 * A business rule refused the write: the transaction rolled back and retrying will not help.
 * Activities turn it into a non-retryable failure the API maps to a stable error code.
 */
export class RuleViolation extends Error {
  constructor(
    readonly rule:
      | 'CAPACITY_EXCEEDED'
      | 'HELPER_NOT_FOUND'
      | 'HELPER_OUTSIDE_SCHOOL'
      | 'ACTOR_NOT_ALLOWED'
      | 'SCHOOL_NOT_FOUND'
      | 'VALIDATION_FAILED'
      | 'NOT_ELIGIBLE'
      | 'TASK_NOT_OPEN'
      | 'CASE_MOVED_ON'
      | 'CONSENT_NOT_RECORDED',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/**
 * A step expected a row that is not there (an update of a plan or evaluation that does not
 * exist): the step's inputs are wrong, and a retry would find the same nothing. Fails at once.
 */
export class MissingRow extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingRow';
  }
}

/**
 * A write hit a unique constraint other than its idempotency key: the step's ids collide with
 * rows it did not write. Retrying writes the same ids again, so it must fail at once, loudly.
 */
export class WriteConflict extends Error {
  constructor(
    message: string,
    readonly target: unknown,
  ) {
    super(message);
    this.name = 'WriteConflict';
  }
}
