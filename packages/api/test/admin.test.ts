import { AppError } from '@donghanh/domain';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../src/auth/session';
import type { Context } from '../src/context';
import { createCaller } from '../src/root';
import type { RoleOnUnitInput } from '../src/router/admin.schema';
import { callerFor, database, procedureOf, setUpFixture } from './support/fixture';
import { ADMIN_INPUTS } from './support/fixture-admin';

/**
 * Administration of accounts, roles and the organisation tree: what an admin changes takes effect
 * at once (a disabled account is signed out), the system never loses its last admin, the tree
 * never gets a cycle, and every write leaves an audit row without any secret in it.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const admin = () => callerFor('admin');

/** The app code of a refused call (AppError under the TRPCError), or null if it went through. */
async function codeOf(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof AppError ? cause.code : `not an AppError: ${String(error)}`;
  }
}

/** Signs in through `auth.signIn` as the HTTP layer would, and returns the Cookie header value. */
async function signIn(username: string, password: string): Promise<string> {
  let cookie = '';
  const ctx: Context = {
    db: database.db,
    temporal: {} as Client,
    user: null,
    sessionId: null,
    clientAddress: null,
    requestId: 'test',
    setCookie: (c) => {
      cookie = c.split(';')[0] ?? '';
    },
  };
  await createCaller(ctx).auth.signIn({ username, password });
  return cookie;
}

async function newUser(
  username: string,
  roles: RoleOnUnitInput[] = [{ role: 'TEACHER', unitId: 'u-thcs-chiengle' }],
) {
  return (await admin()).admin.createUser({ username, displayName: 'Lò Văn Thử', roles });
}

describe('accounts', () => {
  it('creates an account whose temporary password signs in once, to be changed', async () => {
    const created = await (await admin()).admin.createUser({
      username: '  GV.Moi ',
      displayName: 'Tòng Thị Mới',
      email: 'gv.moi@chiengle.edu.vn',
      roles: [
        { role: 'TEACHER', unitId: 'u-thcs-chiengle' },
        { role: 'TEACHER', unitId: 'u-thcs-chiengle' },
      ],
      subjects: ['Toán'],
      capacity: 2,
    });
    expect(created).toMatchObject({ username: 'gv.moi', mustChangePassword: true });
    expect(created.temporaryPassword).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{16}$/);
    const row = await database.db.user.findUniqueOrThrow({
      where: { id: created.userId },
      include: { roles: true },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(created.temporaryPassword);
    expect(row.roles.map((r) => `${r.role}@${r.unitId}`)).toEqual(['TEACHER@u-thcs-chiengle']);

    const cookie = await signIn('gv.moi', created.temporaryPassword);
    const session = await resolveSession(database.db, cookie);
    expect(session?.user).toMatchObject({ id: created.userId, username: 'gv.moi' });
    // By e-mail too, as every account signs in.
    expect(await signIn('GV.MOI@chiengle.edu.vn', created.temporaryPassword)).toMatch(/^dh_session=/);
  });

  it('lists accounts with roles and unit names, found with or without diacritics', async () => {
    const caller = await admin();
    const found = await caller.admin.listUsers({ q: 'tong thi moi' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      username: 'gv.moi',
      displayName: 'Tòng Thị Mới',
      roles: [{ role: 'TEACHER', unitId: 'u-thcs-chiengle', unitName: 'Trường THCS Chiềng Lề' }],
      subjects: ['Toán'],
      capacity: 2,
      disabled: false,
      mustChangePassword: true,
    });
    expect(JSON.stringify(found)).not.toMatch(/passwordHash|argon2/);
    // A unit filter reaches the units below it: the commune office holds two schools.
    const commune = await caller.admin.listUsers({ unitId: 'u-vhxh-chiengle', limit: 500 });
    const ids = commune.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining(['u-commune', 'u-gv-lan', 'u-ht-qt']));
    expect(ids).not.toContain('u-gv-son'); // THPT Tô Hiệu is under the province directly
    expect(await codeOf(caller.admin.listUsers({ unitId: 'u-khong-co' }))).toBe('UNIT_NOT_FOUND');
  });

  it('refuses a username or e-mail already taken, whatever its case', async () => {
    const caller = await admin();
    const roles = [{ role: 'TEACHER' as const, unitId: 'u-thcs-chiengle' }];
    expect(await codeOf(caller.admin.createUser({ username: 'GV.LAN', displayName: 'Ai Đó', roles }))).toBe(
      'USERNAME_TAKEN',
    );
    expect(
      await codeOf(
        caller.admin.createUser({
          username: 'gv.khac',
          displayName: 'Ai Đó',
          email: 'GV.MOI@chiengle.edu.vn',
          roles,
        }),
      ),
    ).toBe('EMAIL_TAKEN');
    await expect(
      caller.admin.createUser({ username: 'gv.lan', displayName: 'Ai Đó', roles }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a role on a unit of the wrong kind, or on no unit', async () => {
    const caller = await admin();
    const make = (role: 'TEACHER' | 'PRINCIPAL' | 'OFFICE_COORDINATOR' | 'ADMIN', unitId: string) =>
      codeOf(
        caller.admin.createUser({
          username: `thu.${role.toLowerCase()}`,
          displayName: 'Thử',
          roles: [{ role, unitId }],
        }),
      );
    expect(await make('TEACHER', 'u-so-sonla')).toBe('ROLE_UNIT_MISMATCH');
    expect(await make('PRINCIPAL', 'u-vhxh-chiengle')).toBe('ROLE_UNIT_MISMATCH');
    expect(await make('OFFICE_COORDINATOR', 'u-thcs-chiengle')).toBe('ROLE_UNIT_MISMATCH');
    expect(await make('TEACHER', 'u-khong-co')).toBe('UNIT_NOT_FOUND');
    await expect(
      caller.admin.createUser({
        username: 'thu.sai',
        displayName: 'Thử',
        roles: [{ role: 'TEACHER', unitId: 'u-so-sonla' }],
      }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    // Nothing half-written: the refused accounts do not exist.
    expect(await database.db.user.count({ where: { username: { startsWith: 'thu.' } } })).toBe(0);
    // An admin may sit on any unit; demoted again at once, so u-admin stays the only admin.
    const schoolAdmin = await newUser('thu.quantri', [{ role: 'ADMIN', unitId: 'u-thcs-chiengle' }]);
    await caller.admin.setRoles({ userId: schoolAdmin.userId, roles: [] });
  });

  it('refuses malformed input with the reason in Vietnamese', async () => {
    const caller = await admin();
    await expect(
      caller.admin.createUser({ username: 'a@b', displayName: 'Thử', roles: [] } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.admin.createUser({
        username: 'thu.ok',
        displayName: 'Thử\u0000',
        roles: [{ role: 'TEACHER', unitId: 'u-thcs-chiengle' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('roles', () => {
  it('replaces every role of an account at once', async () => {
    const caller = await admin();
    const { userId } = await newUser('gv.doivai');
    await caller.admin.setRoles({
      userId,
      roles: [
        { role: 'SCHOOL_COORDINATOR', unitId: 'u-thpt-tohieu' },
        { role: 'TEACHER', unitId: 'u-thpt-tohieu' },
      ],
    });
    const held = await database.db.roleAssignment.findMany({ where: { userId }, orderBy: { role: 'asc' } });
    expect(held.map((r) => `${r.role}@${r.unitId}`)).toEqual([
      'TEACHER@u-thpt-tohieu',
      'SCHOOL_COORDINATOR@u-thpt-tohieu',
    ]);
    // A refused replacement leaves the roles as they were.
    expect(
      await codeOf(caller.admin.setRoles({ userId, roles: [{ role: 'TEACHER', unitId: 'u-so-sonla' }] })),
    ).toBe('ROLE_UNIT_MISMATCH');
    expect(await database.db.roleAssignment.count({ where: { userId } })).toBe(2);
    expect(await codeOf(caller.admin.setRoles({ userId: 'u-khong-co', roles: [] }))).toBe('USER_NOT_FOUND');
  });

  it('never removes the last active administrator', async () => {
    const caller = await admin();
    const adminRole = [{ role: 'ADMIN' as const, unitId: 'u-so-sonla' }];
    expect(await codeOf(caller.admin.setRoles({ userId: 'u-admin', roles: [] }))).toBe('LAST_ADMIN');
    // A second admin who is disabled does not count.
    const second = await newUser('qt.hai', adminRole);
    await caller.admin.setDisabled({ userId: second.userId, disabled: true });
    await expect(caller.admin.setRoles({ userId: 'u-admin', roles: [] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await database.db.roleAssignment.count({ where: { userId: 'u-admin', role: 'ADMIN' } })).toBe(1);
    // Enabled again, they can take over; demoting them back leaves u-admin, still the admin.
    await caller.admin.setDisabled({ userId: second.userId, disabled: false });
    await caller.admin.setRoles({ userId: second.userId, roles: [] });
    expect(await caller.admin.listUnits({})).not.toHaveLength(0);
  });
});

describe('disabling an account', () => {
  it('signs the person out at once and refuses sign-in as for a wrong password', async () => {
    const caller = await admin();
    const { userId, temporaryPassword } = await newUser('gv.khoa');
    const cookie = await signIn('gv.khoa', temporaryPassword);
    expect((await resolveSession(database.db, cookie))?.user.id).toBe(userId);

    expect(await caller.admin.setDisabled({ userId, disabled: true })).toMatchObject({ disabled: true });
    expect(await database.db.session.count({ where: { userId } })).toBe(0);
    expect(await resolveSession(database.db, cookie)).toBeNull();
    const refused = signIn('gv.khoa', temporaryPassword);
    expect(await codeOf(refused)).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(signIn('gv.khoa', 'sai-mat-khau-roi'))).toBe('INVALID_CREDENTIALS');
    const listed = await caller.admin.listUsers({ q: 'gv.khoa' });
    expect(listed[0]).toMatchObject({ disabled: true });

    await caller.admin.setDisabled({ userId, disabled: false });
    expect(await signIn('gv.khoa', temporaryPassword)).toMatch(/^dh_session=/);
  });

  it('refuses to disable oneself, and an unknown account', async () => {
    const caller = await admin();
    expect(await codeOf(caller.admin.setDisabled({ userId: 'u-admin', disabled: true }))).toBe(
      'CANNOT_DISABLE_SELF',
    );
    expect(await codeOf(caller.admin.setDisabled({ userId: 'u-khong-co', disabled: true }))).toBe(
      'USER_NOT_FOUND',
    );
  });
});

describe('the organisation tree', () => {
  it('creates a school unit with its School row, under an office only', async () => {
    const caller = await admin();
    const created = await caller.admin.createUnit({
      kind: 'SCHOOL',
      code: 'th-cl',
      name: 'Trường Tiểu học Chiềng Lề',
      parentId: 'u-vhxh-chiengle',
      school: { level: 'PRIMARY' },
    });
    expect(created).toMatchObject({
      unitId: 'u-th-cl',
      code: 'TH-CL',
      school: { id: 's-th-cl', level: 'PRIMARY' },
    });
    expect(await database.db.school.findUniqueOrThrow({ where: { id: 's-th-cl' } })).toMatchObject({
      unitId: 'u-th-cl',
      name: 'Trường Tiểu học Chiềng Lề',
    });
    // Teachers can now be given roles there.
    expect(await codeOf(newUser('gv.tieuhoc', [{ role: 'TEACHER', unitId: 'u-th-cl' }]))).toBeNull();

    const unit = (code: string, parentId?: string) =>
      codeOf(
        caller.admin.createUnit({
          kind: 'COMMUNE_OFFICE',
          code,
          name: 'Phòng Thử',
          ...(parentId ? { parentId } : {}),
        }),
      );
    expect(await unit('TH-CL', 'u-so-sonla')).toBe('UNIT_CODE_TAKEN');
    expect(await unit('VHXH-X', 'u-thcs-chiengle')).toBe('UNIT_PARENT_INVALID');
    expect(await unit('VHXH-Y', 'u-khong-co')).toBe('UNIT_PARENT_INVALID');
    await expect(
      caller.admin.createUnit({
        kind: 'SCHOOL',
        code: 'TH-NOLEVEL',
        name: 'Trường Thử',
        parentId: 'u-so-sonla',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await database.db.unit.count({ where: { code: { in: ['VHXH-X', 'VHXH-Y', 'TH-NOLEVEL'] } } }),
    ).toBe(0);
  });

  it('renames, moves and closes a unit, never into its own subtree', async () => {
    const caller = await admin();
    const { unitId: office } = await caller.admin.createUnit({
      kind: 'DISTRICT_OFFICE',
      code: 'PGD-CU',
      name: 'Phòng GD&ĐT cũ',
      parentId: 'u-so-sonla',
    });
    const { unitId: child } = await caller.admin.createUnit({
      kind: 'COMMUNE_OFFICE',
      code: 'VHXH-CON',
      name: 'Phòng con',
      parentId: office,
    });
    expect(await codeOf(caller.admin.updateUnit({ unitId: office, parentId: child }))).toBe(
      'UNIT_PARENT_INVALID',
    );
    expect(await codeOf(caller.admin.updateUnit({ unitId: office, parentId: office }))).toBe(
      'UNIT_PARENT_INVALID',
    );
    expect(await codeOf(caller.admin.updateUnit({ unitId: 'u-so-sonla', parentId: child }))).toBe(
      'UNIT_PARENT_INVALID',
    );
    expect(await codeOf(caller.admin.updateUnit({ unitId: 'u-thpt-tohieu', parentId: null }))).toBe(
      'UNIT_PARENT_INVALID',
    );
    expect(await codeOf(caller.admin.updateUnit({ unitId: 'u-khong-co', name: 'Không có' }))).toBe(
      'UNIT_NOT_FOUND',
    );

    // A school moves to the commune office (its tier since 07/2025) and is renamed.
    await caller.admin.updateUnit({
      unitId: 'u-th-cl',
      parentId: child,
      name: 'Trường Tiểu học Chiềng Lề 1',
    });
    expect(await database.db.school.findUniqueOrThrow({ where: { id: 's-th-cl' } })).toMatchObject({
      name: 'Trường Tiểu học Chiềng Lề 1',
    });
    expect(await codeOf(caller.admin.updateUnit({ unitId: office, parentId: 'u-th-cl' }))).toBe(
      'UNIT_PARENT_INVALID',
    );

    const today = new Date().toISOString().slice(0, 10);
    await caller.admin.updateUnit({ unitId: office, validUntil: today });
    const units = await caller.admin.listUnits({});
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(byId.get(office)).toMatchObject({ validUntil: today, parentId: 'u-so-sonla', depth: 1 });
    expect(byId.get('u-th-cl')).toMatchObject({
      parentId: child,
      depth: 3,
      kind: 'SCHOOL',
      school: { id: 's-th-cl', level: 'PRIMARY' },
      userCount: 1,
    });
    expect(byId.get('u-thcs-chiengle')?.userCount).toBeGreaterThanOrEqual(6);
    // Parents come before their children.
    const order = units.map((u) => u.id);
    expect(order.indexOf('u-so-sonla')).toBeLessThan(order.indexOf(office));
    expect(order.indexOf(office)).toBeLessThan(order.indexOf(child));
    expect(order.indexOf(child)).toBeLessThan(order.indexOf('u-th-cl'));
    expect(await codeOf(caller.admin.updateUnit({ unitId: office, validUntil: '2000-01-01' }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('audit', () => {
  it('records every admin write, and never a temporary password', async () => {
    const caller = await admin();
    const created = await newUser('gv.kiemtra');
    const rows = await database.db.auditLog.findMany({
      where: { actorId: 'u-admin' },
      orderBy: { id: 'asc' },
    });
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'admin.user.create',
      'admin.user.roles',
      'admin.user.disable',
      'admin.user.enable',
      'admin.unit.create',
      'admin.unit.update',
    ])
      expect(actions).toContain(action);
    const last = rows.at(-1);
    expect(last).toMatchObject({
      action: 'admin.user.create',
      subjectType: 'user',
      subjectId: created.userId,
      reason: 'TEACHER@u-thcs-chiengle',
    });
    expect(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(
      created.temporaryPassword,
    );
    // Refused writes leave no row.
    const before = rows.length;
    await codeOf(caller.admin.setDisabled({ userId: 'u-admin', disabled: true }));
    expect(await database.db.auditLog.count({ where: { actorId: 'u-admin' } })).toBe(before);
  });

  it('is for administrators only', async () => {
    for (const actor of ['office', 'principal', 'coordinator'] as const) {
      expect(await codeOf((await callerFor(actor)).admin.listUsers({}))).toBe('FORBIDDEN');
    }
  });

  it('runs every input of the access matrix for real, in the order of the matrix', async () => {
    const caller = await admin();
    for (const path of Object.keys(ADMIN_INPUTS).sort())
      expect(await codeOf(procedureOf(caller, path)(ADMIN_INPUTS[path])), path).toBeNull();
    // The changed account is as it was: same role, still enabled.
    const commune = await caller.admin.listUsers({ q: 'cv.tuan' });
    expect(commune[0]).toMatchObject({
      roles: [{ role: 'OFFICE_COORDINATOR', unitId: 'u-vhxh-chiengle' }],
      disabled: false,
    });
  });
});
