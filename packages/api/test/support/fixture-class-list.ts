import type { Db } from '@donghanh/db';
import type { Actor } from './fixture';

/**
 * Inputs and expected callers of the class-list and school-year routers (spread into the access
 * matrix). The upload row is written by `setUpClassListFixture` with a tiny sheet; the new year
 * targets 2031, a year after which the school has no classes, so an allowed call is refused
 * after access (NEW_YEAR_NO_CLASSES) and the fixture's classes stay as they are.
 */
export const MATRIX_UPLOAD = 'clu-matrix-0001';

export const CLASS_LIST_INPUTS: Record<string, unknown> = {
  'classList.schools': {},
  'classList.preview': { uploadId: MATRIX_UPLOAD },
  'classList.start': { uploadId: MATRIX_UPLOAD },
  'classList.importChunk': { uploadId: MATRIX_UPLOAD },
  'schoolYear.preview': { schoolId: 's-thcs-chiengle', toYear: 2031 },
  'schoolYear.move': { schoolId: 's-thcs-chiengle', toYear: 2031 },
  'schoolYear.pupils': { schoolId: 's-thcs-chiengle', toYear: 2027 },
};

/** The school's coordinator and principal, and the admin above it (province unit). */
const LOADERS: Actor[] = ['coordinator', 'principal', 'admin'];
const SIGNED_IN: Actor[] = [
  'helper',
  'offered',
  'otherTeacher',
  'coordinator',
  'principal',
  'coordinatorElsewhere',
  'principalElsewhere',
  'receivingCoordinator',
  'office',
  'admin',
];

export const CLASS_LIST_EXPECTED: Record<string, Actor[]> = {
  // Scoped, not refused: everyone else gets an empty list.
  'classList.schools': SIGNED_IN,
  'classList.preview': LOADERS,
  'classList.start': LOADERS,
  'classList.importChunk': LOADERS,
  'schoolYear.preview': LOADERS,
  'schoolYear.move': LOADERS,
  'schoolYear.pupils': LOADERS,
};

export async function setUpClassListFixture(db: Db): Promise<void> {
  await db.classListUpload.create({
    data: {
      id: MATRIX_UPLOAD,
      schoolId: 's-thcs-chiengle',
      uploadedById: 'u-ct-cl',
      fileName: 'matrix.xlsx',
      size: 1,
      sha256: '0',
      sheets: [
        {
          name: 'DS',
          state: 'visible',
          rows: [
            ['STT', 'Mã định danh', 'Họ và tên', 'Lớp'],
            [1, '0140123401', 'Lò Văn Ánh', '6A'],
          ],
        },
      ],
    },
  });
}
