import { describe, expect, it } from 'vitest';
import { endsSubmission, newRequestId } from '../src/shared/request-id';

describe('a form submission id', () => {
  it('is renewed after a refusal only, kept after a server failure or a lost answer', () => {
    expect(endsSubmission({ data: { httpStatus: 422, code: 'UNPROCESSABLE_CONTENT' } })).toBe(true);
    expect(endsSubmission({ data: { httpStatus: 409 } })).toBe(true);
    // WORKFLOW_UNAVAILABLE: the update may have been accepted before the deadline passed.
    expect(endsSubmission({ data: { httpStatus: 503, code: 'INTERNAL_SERVER_ERROR' } })).toBe(false);
    expect(endsSubmission({ data: { httpStatus: 500 } })).toBe(false);
    expect(endsSubmission(new TypeError('Failed to fetch'))).toBe(false);
    expect(endsSubmission(null)).toBe(false);
  });

  it('is a uuid v4', () => {
    expect(newRequestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
