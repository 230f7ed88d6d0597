import { classListOnSchool, classListOnUpload, signedIn } from '../access/rules';
import { applyNewYear, newYearPupils, previewNewYear } from '../operations/school-year/new-year';
import { importClassListChunk, startClassListImport } from '../operations/student-import/apply-class-list';
import { classListSchools } from '../operations/student-import/list-schools';
import { previewClassList } from '../operations/student-import/preview-class-list';
import { createRouter, guarded } from '../trpc';
import {
  importChunkInput,
  listSchoolsInput,
  newYearInput,
  newYearPupilsInput,
  previewClassListInput,
  startClassListImportInput,
} from './class-list.schema';

/**
 * A school's class lists: the file itself arrives on `POST /upload/class-list` (apps/server; a
 * 10 MB file does not fit tRPC's 1 MiB body), everything after it goes through here.
 */
export const classListRouter = createRouter({
  /** The schools the caller loads lists for (empty for everyone else: the list is scoped, not refused). */
  schools: guarded(signedIn, listSchoolsInput).query(({ ctx }) => classListSchools(ctx)),
  preview: guarded(classListOnUpload, previewClassListInput).query(({ ctx, input }) =>
    previewClassList(ctx, input),
  ),
  start: guarded(classListOnUpload, startClassListImportInput).mutation(({ ctx, input }) =>
    startClassListImport(ctx, input),
  ),
  importChunk: guarded(classListOnUpload, importChunkInput).mutation(({ ctx, input }) =>
    importClassListChunk(ctx, input),
  ),
});

/** The new school year: classes up one grade, leavers archived. */
export const schoolYearRouter = createRouter({
  preview: guarded(classListOnSchool, newYearInput).query(({ ctx, input }) => previewNewYear(ctx, input)),
  move: guarded(classListOnSchool, newYearInput).mutation(({ ctx, input }) => applyNewYear(ctx, input)),
  pupils: guarded(classListOnSchool, newYearPupilsInput).query(({ ctx, input }) => newYearPupils(ctx, input)),
});
