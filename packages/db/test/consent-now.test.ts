import { describe, expect, it } from 'vitest';
import { listBreaches, listSubjectRequests } from '../src';

/**
 * `late` and `overdue` are calendar decisions: the caller passes the calendar's now
 * (systemNow()); no `new Date()` default. A parameter with a default is not counted in a
 * function's `length`, so this fails if one comes back (the type checker covers the callers).
 */
describe('the breach log and subject requests take now from the caller', () => {
  it('has no default for now', () => {
    expect(listBreaches.length).toBe(2);
    expect(listSubjectRequests.length).toBe(4);
  });
});
