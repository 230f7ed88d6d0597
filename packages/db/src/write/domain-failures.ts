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
      | 'NOT_ELIGIBLE',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
