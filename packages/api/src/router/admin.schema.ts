import { freeText, idSchema, ROLE_NAMES, SCHOOL_LEVELS, UNIT_KINDS } from '@donghanh/domain';
import { z } from 'zod';

/** One line of text: a name never holds a tab or a line break. */
const oneLine = (max: number, tooShort: string) =>
  freeText(max)
    .min(2, tooShort)
    .refine((s) => !/[\t\n\r\u2028\u2029]/.test(s), 'Chỉ được viết trên một dòng')
    .transform((s) => s.normalize('NFC').replace(/ {2,}/g, ' '));

/**
 * Lower-case, so it never collides with another account that differs only in case (sign-in
 * matches without case). No '@', so a username is never mistaken for an e-mail address.
 */
const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,39}$/,
    'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang',
  );
const email = z.email('Email không hợp lệ').max(254, 'Email quá dài').toLowerCase();

const roleOnUnit = z.object({ role: z.enum(ROLE_NAMES), unitId: idSchema });
const roles = z.array(roleOnUnit).max(20, 'Tối đa 20 vai trò');
const subjects = z.array(oneLine(60, 'Tên môn học quá ngắn')).max(20, 'Tối đa 20 môn học');
/** How many students a teacher volunteers to help at once (0 = not a volunteer). */
const capacity = z.number().int().min(0).max(50);

/** Unit codes are upper-case like the ministry's (SGD-SL, THCS-CL). */
const unitCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9_-]{1,31}$/,
    'Mã đơn vị gồm 2–32 ký tự: chữ không dấu, số, gạch dưới hoặc gạch ngang',
  );

export const listUsersInput = z
  .object({
    q: freeText(120).optional(),
    /** Accounts holding a role on this unit or on a unit below it. */
    unitId: idSchema.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });

export const createUserInput = z.object({
  username,
  displayName: oneLine(120, 'Tên hiển thị quá ngắn'),
  email: email.optional(),
  roles: roles.min(1, 'Cần ít nhất một vai trò'),
  subjects: subjects.optional(),
  capacity: capacity.optional(),
});

export const setRolesInput = z.object({ userId: idSchema, roles });

export const setDisabledInput = z.object({ userId: idSchema, disabled: z.boolean() });

export const listUnitsInput = z.object({}).default({});

export const createUnitInput = z
  .object({
    kind: z.enum(UNIT_KINDS),
    code: unitCode,
    name: oneLine(200, 'Tên đơn vị quá ngắn'),
    parentId: idSchema.optional(),
    school: z.object({ level: z.enum(SCHOOL_LEVELS) }).optional(),
  })
  .superRefine((v, issues) => {
    if (v.kind === 'SCHOOL' && !v.school)
      issues.addIssue({ code: 'custom', path: ['school'], message: 'Trường học cần có cấp học' });
    if (v.kind !== 'SCHOOL' && v.school)
      issues.addIssue({ code: 'custom', path: ['school'], message: 'Chỉ trường học mới có cấp học' });
    if (v.kind === 'SCHOOL' && !v.parentId)
      issues.addIssue({
        code: 'custom',
        path: ['parentId'],
        message: 'Trường học phải thuộc một đơn vị quản lý',
      });
  });

export const updateUnitInput = z.object({
  unitId: idSchema,
  name: oneLine(200, 'Tên đơn vị quá ngắn').optional(),
  /** null makes the unit a root of the tree (a school cannot be one). */
  parentId: idSchema.nullable().optional(),
  /** The last day the unit exists (a merged or dissolved office); null reopens it. */
  validUntil: z.iso.date('Ngày phải có dạng YYYY-MM-DD').nullable().optional(),
});

export type RoleOnUnitInput = z.output<typeof roleOnUnit>;
