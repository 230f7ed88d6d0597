import { CLASS_SETUP_ROLES, managerOfClass } from '../access/class-rules';
import { onSchool } from '../access/rules';
import {
  archiveClass,
  classPupils,
  createClass,
  listClasses,
  renameClass,
  setHomeroom,
} from '../operations/school-class/school-classes';
import { createRouter, guarded } from '../trpc';
import {
  classIdInput,
  classPupilsInput,
  createClassInput,
  listClassesInput,
  renameClassInput,
  setHomeroomInput,
} from './school-class.schema';

const manager = onSchool(CLASS_SETUP_ROLES, 'school:class-setup');

/** A school's classes for a school year and their homeroom teachers, set up by its coordinator or principal. */
export const schoolClassRouter = createRouter({
  list: guarded(manager, listClassesInput).query(({ ctx, input }) => listClasses(ctx, input)),
  create: guarded(manager, createClassInput).mutation(({ ctx, input }) => createClass(ctx, input)),
  rename: guarded(managerOfClass, renameClassInput).mutation(({ ctx, input }) => renameClass(ctx, input)),
  archive: guarded(managerOfClass, classIdInput).mutation(({ ctx, input }) =>
    archiveClass(ctx, input.classId),
  ),
  setHomeroom: guarded(managerOfClass, setHomeroomInput).mutation(({ ctx, input }) =>
    setHomeroom(ctx, input),
  ),
  pupils: guarded(manager, classPupilsInput).query(({ ctx, input }) => classPupils(ctx, input)),
});
