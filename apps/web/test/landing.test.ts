import { describe, expect, it } from 'vitest';
import { landingPathFor } from '../src/shell/landing';

const as = (...roles: string[]) => roles.map((role) => ({ role }) as { role: never });

describe('where each role lands (issue 14)', () => {
  it('sends each role to its work', () => {
    expect(landingPathFor(as('TEACHER'))).toBe('/tasks');
    expect(landingPathFor(as('HOMEROOM_TEACHER'))).toBe('/tasks');
    expect(landingPathFor(as('PRINCIPAL'))).toBe('/sign-off');
    expect(landingPathFor(as('ADMIN'))).toBe('/admin');
    expect(landingPathFor(as('SCHOOL_COORDINATOR'))).toBe('/board');
    expect(landingPathFor(as('OFFICE_COORDINATOR'))).toBe('/board');
  });

  it('lets the strongest role win for someone with several', () => {
    expect(landingPathFor(as('TEACHER', 'SCHOOL_COORDINATOR'))).toBe('/board');
    expect(landingPathFor(as('ADMIN', 'TEACHER'))).toBe('/tasks');
    expect(landingPathFor(as('SCHOOL_COORDINATOR', 'PRINCIPAL'))).toBe('/sign-off');
    expect(landingPathFor(as('ADMIN', 'OFFICE_COORDINATOR'))).toBe('/board');
    expect(landingPathFor([])).toBe('/tasks');
  });
});
