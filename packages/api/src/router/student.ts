import { onSchool, onStudent, schoolStaff, signedIn } from '../access/rules';
import { searchVisibleStudents } from '../access/student-scope';
import { readFamily, setFamily } from '../operations/student/family';
import { createStudent, updateStudent } from '../operations/student/save-student';
import { createRouter, guarded } from '../trpc';
import {
  createStudentInput,
  familyInput,
  searchStudentsInput,
  setFamilyInput,
  updateStudentInput,
} from './student.schema';

const schoolManagers = ['SCHOOL_COORDINATOR', 'PRINCIPAL'] as const;

export const studentRouter = createRouter({
  /** Names only within the caller's scope; an office role finds no one by name. */
  search: guarded(signedIn, searchStudentsInput).query(({ ctx, input }) =>
    searchVisibleStudents(ctx, input.q, input.limit),
  ),
  create: guarded(onSchool(schoolManagers, 'school:manager'), createStudentInput).mutation(({ ctx, input }) =>
    createStudent(ctx, input),
  ),
  // setup: the identity rule's seesFamily decides within the school's staff (managers, the
  // homeroom teacher, the pupil's helpers); both the read and the write are audited.
  family: guarded(onStudent(schoolStaff, 'student:school-staff'), familyInput).query(({ ctx, input }) =>
    readFamily(ctx, input),
  ),
  setFamily: guarded(onStudent(schoolStaff, 'student:school-staff'), setFamilyInput).mutation(
    ({ ctx, input }) => setFamily(ctx, input),
  ),
  update: guarded(onStudent(schoolManagers, 'student:school-manager'), updateStudentInput).mutation(
    ({ ctx, input }) => updateStudent(ctx, input),
  ),
});
