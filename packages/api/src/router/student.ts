import { onSchool, onStudent, signedIn } from '../access/rules';
import { searchVisibleStudents } from '../access/student-scope';
import { createStudent, setFamily, updateStudent } from '../operations/student/save-student';
import { createRouter, guarded } from '../trpc';
import {
  createStudentInput,
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
  setFamily: guarded(onStudent(schoolManagers, 'student:school-manager'), setFamilyInput).mutation(
    ({ ctx, input }) => setFamily(ctx, input),
  ),
  update: guarded(onStudent(schoolManagers, 'student:school-manager'), updateStudentInput).mutation(
    ({ ctx, input }) => updateStudent(ctx, input),
  ),
});
