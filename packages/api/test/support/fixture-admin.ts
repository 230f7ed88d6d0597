import type { Actor } from './fixture';

/**
 * Inputs and expected callers of the admin router's procedures (spread into the access matrix).
 * The admin's calls really run, and the fuzz test throws malformed variants of them, so none of
 * them touches an account or unit another row needs: the new account and unit have their own
 * names, and the existing account they change (cv.tuan, `u-commune`) is no caller of the matrix
 * and is given back the role it already holds.
 */
export const ADMIN_INPUTS: Record<string, unknown> = {
  'admin.listUsers': { q: 'nguyen' },
  'admin.createUser': {
    username: 'matrix.moi',
    displayName: 'Người Dùng Thử',
    roles: [{ role: 'TEACHER', unitId: 'u-thpt-tohieu' }],
    subjects: ['Tin học'],
    capacity: 1,
  },
  'admin.setRoles': {
    userId: 'u-commune',
    roles: [{ role: 'OFFICE_COORDINATOR', unitId: 'u-vhxh-chiengle' }],
  },
  // Enabling an enabled account: the write runs (and is audited) without signing anyone out.
  'admin.setDisabled': { userId: 'u-commune', disabled: false },
  'admin.listUnits': {},
  'admin.createUnit': { kind: 'UNION', code: 'CD-MATRIX', name: 'Công đoàn Thử', parentId: 'u-so-sonla' },
  // The unit `admin.createUnit` makes (ids derive from the code); before it exists, UNIT_NOT_FOUND.
  'admin.updateUnit': { unitId: 'u-cd-matrix', name: 'Công đoàn Thử (đổi tên)' },
};

export const ADMIN_EXPECTED: Record<string, Actor[]> = {
  'admin.listUsers': ['admin'],
  'admin.createUser': ['admin'],
  'admin.setRoles': ['admin'],
  'admin.setDisabled': ['admin'],
  'admin.listUnits': ['admin'],
  'admin.createUnit': ['admin'],
  'admin.updateUnit': ['admin'],
};
