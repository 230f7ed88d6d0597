import type { Actor } from './fixture';

/**
 * setup (issue 14): inputs and expected callers of the school set-up procedures (spread into the
 * access matrix). A refusal after access (a taken class name, a class with pupils) counts as let through.
 */
export const SETUP_INPUTS: Record<string, unknown> = {
  'schoolClass.list': { schoolId: 's-thcs-chiengle' },
  'schoolClass.create': { schoolId: 's-thcs-chiengle', schoolYear: 2026, name: '6M', grade: 6 },
  'schoolClass.rename': { classId: 'cl-cl-9a', name: '9A' },
  // 9A has pupils: archiving it is refused after access passes.
  'schoolClass.archive': { classId: 'cl-cl-9a' },
  'schoolClass.setHomeroom': { classId: 'cl-cl-9a', homeroomId: null },
  'schoolClass.pupils': { schoolId: 's-thcs-chiengle', classId: 'cl-cl-9a' },
  // st-06 is the child of c-matrix, in 7B (no homeroom teacher).
  'student.family': { studentId: 'st-06' },
  'case.offerDetails': { caseId: 'c-matrix' },
};

export const SETUP_EXPECTED: Record<string, Actor[]> = {
  // The school's coordinator and principal; not its teachers, not an office, not the admin.
  'schoolClass.list': ['coordinator', 'principal'],
  'schoolClass.create': ['coordinator', 'principal'],
  'schoolClass.rename': ['coordinator', 'principal'],
  'schoolClass.archive': ['coordinator', 'principal'],
  'schoolClass.setHomeroom': ['coordinator', 'principal'],
  'schoolClass.pupils': ['coordinator', 'principal'],
  // The identity rule's seesFamily: the school's managers and the case's helper — not the teacher
  // only offered the case, not another teacher, not the office.
  'student.family': ['helper', 'coordinator', 'principal'],
  // Only the teacher the case is offered to.
  'case.offerDetails': ['offered'],
};
