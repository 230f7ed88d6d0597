import type { Actor } from './fixture';

/**
 * Inputs and expected callers of the volunteer router's procedures (spread into the access matrix).
 * The calls really run, one after the other: register's capacity stays above every teacher's load
 * (gv.lan helps c-matrix, gv.duc is offered it) and setCapacity keeps gv.uyen above hers.
 */
export const VOLUNTEER_INPUTS: Record<string, unknown> = {
  'volunteer.register': { capacity: 3, subjects: ['Toán'] },
  'volunteer.me': {},
  'volunteer.list': { schoolId: 's-thcs-chiengle' },
  'volunteer.setCapacity': { userId: 'u-gv-uyen', capacity: 2, reason: 'Đăng ký trên giấy' },
  // setup: stopping keeps the cases held (capacity falls to the load); runs last among the teachers.
  'volunteer.stop': {},
  // c-matrix, written literally: fixture.ts imports this file.
  'volunteer.suggest': { caseId: 'c-matrix' },
};

const TEACHERS: Actor[] = ['helper', 'offered', 'otherTeacher'];

export const VOLUNTEER_EXPECTED: Record<string, Actor[]> = {
  // Only teachers volunteer; coordinators, offices and the admin hold no teacher role.
  'volunteer.register': TEACHERS,
  'volunteer.me': TEACHERS,
  // setup
  'volunteer.stop': TEACHERS,
  // The school's managers and the office above it; not another school, not the admin.
  'volunteer.list': ['coordinator', 'principal', 'office'],
  // Managers of a school gv.uyen teaches at; an office adjusts nobody's commitment.
  'volunteer.setCapacity': ['coordinator', 'principal'],
  'volunteer.suggest': ['coordinator', 'principal'],
};
