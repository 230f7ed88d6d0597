import { unitAndAncestors } from '@donghanh/db';
import type { Context, RoleOnUnit, SessionUser } from '../context';

type Role = RoleOnUnit['role'];

/**
 * Who may call a procedure. Every procedure is built with one (see `guarded` in trpc.ts): the
 * router refuses a procedure without a rule, and the access-matrix test walks them all.
 */
export interface AccessRule<I = unknown> {
  /** The rule's name in the access matrix, e.g. `case:coordinator`. */
  readonly name: string;
  allows(ctx: Context & { user: SessionUser }, input: I): Promise<boolean>;
  /**
   * wall (issue 14): what a refusal answers, FORBIDDEN unless said. A read of one thing by its
   * id answers "not found" so that a made-up id and a real one the caller may not see read alike.
   */
  readonly refusal?: 'CASE_NOT_FOUND';
}

async function holdsRoleOn(
  ctx: Context & { user: SessionUser },
  roles: readonly Role[],
  unitId: string | null,
) {
  if (!unitId) return false;
  const units = await unitAndAncestors(ctx.db, unitId);
  return ctx.user.roles.some((r) => roles.includes(r.role) && units.has(r.unitId));
}

function loadCaseFacts(ctx: Context, caseId: string) {
  return ctx.db.case.findUnique({
    where: { id: caseId },
    select: {
      helperId: true,
      school: { select: { unitId: true } },
      transferToSchoolId: true,
      helpers: { where: { status: 'OFFERED' }, select: { userId: true } },
      student: { select: { class: { select: { homeroomId: true } } } },
    },
  });
}

/**
 * What the case rules ask about a case, read once per request: `anyOf` tries several rules on
 * the same case, and each would otherwise read it again.
 */
const factsByRequest = new WeakMap<object, Map<string, ReturnType<typeof loadCaseFacts>>>();
function caseFacts(ctx: Context, caseId: string) {
  const byCase = factsByRequest.get(ctx) ?? new Map<string, ReturnType<typeof loadCaseFacts>>();
  factsByRequest.set(ctx, byCase);
  const facts = byCase.get(caseId) ?? loadCaseFacts(ctx, caseId);
  byCase.set(caseId, facts);
  return facts;
}

export const signedIn: AccessRule = { name: 'signed-in', allows: async () => true };

export const admin: AccessRule = {
  name: 'admin',
  allows: async (ctx) => ctx.user.roles.some((r) => r.role === 'ADMIN'),
};

/** A role on the case's school, or on an office above it. */
export function onCase(roles: readonly Role[], name: string): AccessRule<{ caseId: string }> {
  return {
    name,
    async allows(ctx, input) {
      const c = await caseFacts(ctx, input.caseId);
      return holdsRoleOn(ctx, roles, c?.school.unitId ?? null);
    },
  };
}

/** A role on the school the student studies at (identifying a student as a case). */
export function onStudent(roles: readonly Role[], name: string): AccessRule<{ studentId: string }> {
  return {
    name,
    async allows(ctx, input) {
      const s = await ctx.db.student.findUnique({
        where: { id: input.studentId },
        select: { school: { select: { unitId: true } } },
      });
      return holdsRoleOn(ctx, roles, s?.school.unitId ?? null);
    },
  };
}

/** The teacher who helps the case now. */
export const caseHelper: AccessRule<{ caseId: string }> = {
  name: 'case:helper',
  async allows(ctx, input) {
    return (await caseFacts(ctx, input.caseId))?.helperId === ctx.user.id;
  },
};

/** The teacher the case is offered to. */
export const offeredHelper: AccessRule<{ caseId: string }> = {
  name: 'case:offered-helper',
  async allows(ctx, input) {
    return (await caseFacts(ctx, input.caseId))?.helpers.some((h) => h.userId === ctx.user.id) ?? false;
  },
};

/** A coordinator or principal of the school a pending transfer goes to. */
export const transferTarget: AccessRule<{ caseId: string }> = {
  name: 'case:receiving-school',
  async allows(ctx, input) {
    const c = await caseFacts(ctx, input.caseId);
    if (!c?.transferToSchoolId) return false;
    const school = await ctx.db.school.findUnique({
      where: { id: c.transferToSchoolId },
      select: { unitId: true },
    });
    return holdsRoleOn(ctx, ['SCHOOL_COORDINATOR', 'PRINCIPAL'], school?.unitId ?? null);
  },
};

export function anyOf<I>(name: string, ...rules: AccessRule<I>[]): AccessRule<I> {
  return {
    name,
    async allows(ctx, input) {
      for (const rule of rules) if (await rule.allows(ctx, input)) return true;
      return false;
    },
  };
}

export const schoolStaff = ['TEACHER', 'HOMEROOM_TEACHER', 'SCHOOL_COORDINATOR', 'PRINCIPAL'] as const;
export const coordinator = onCase(['SCHOOL_COORDINATOR', 'PRINCIPAL'], 'case:coordinator');
export const principal = onCase(['PRINCIPAL'], 'case:principal');
export const helperOrCoordinator = anyOf('case:helper-or-coordinator', caseHelper, coordinator);

/** A role on the school named in the input (creating a student there). */
export function onSchool(roles: readonly Role[], name: string): AccessRule<{ schoolId: string }> {
  return {
    name,
    async allows(ctx, input) {
      const school = await ctx.db.school.findUnique({
        where: { id: input.schoolId },
        select: { unitId: true },
      });
      return holdsRoleOn(ctx, roles, school?.unitId ?? null);
    },
  };
}

/** The homeroom teacher of the child's class. */
export const homeroomOfCase: AccessRule<{ caseId: string }> = {
  name: 'case:homeroom',
  async allows(ctx, input) {
    return (await caseFacts(ctx, input.caseId))?.student.class?.homeroomId === ctx.user.id;
  },
};

/**
 * Who may open a case: its school's coordinators and principal, offices above it (they see a
 * pseudonym), its helpers (offered or active) and the child's homeroom teacher.
 */
export const caseReader = anyOf(
  'case:reader',
  onCase(['SCHOOL_COORDINATOR', 'PRINCIPAL', 'OFFICE_COORDINATOR'], 'case:school-or-office'),
  caseHelper,
  offeredHelper,
  homeroomOfCase,
);

/** Office coordinators above the case's school: they may reveal an identity, with a reason. */
export const officeAboveCase = onCase(['OFFICE_COORDINATOR'], 'case:office');

/** Holds one of `roles` on any unit (what the procedure then reads is scoped separately). */
export function holdsAnyRole(roles: readonly Role[], name: string): AccessRule {
  return { name, allows: async (ctx) => ctx.user.roles.some((r) => roles.includes(r.role)) };
}

// —— class-list import and the new school year (issue 12, part 1) ——

/** Who loads a school's class lists and moves it to a new year: its coordinator, its principal, an admin above it. */
export const CLASS_LIST_ROLES = ['SCHOOL_COORDINATOR', 'PRINCIPAL', 'ADMIN'] as const;
export const classListOnSchool = onSchool(CLASS_LIST_ROLES, 'school:class-list');

/** The same, for an uploaded file: the roles on the school it was uploaded for. */
export const classListOnUpload: AccessRule<{ uploadId: string }> = {
  name: 'upload:class-list',
  async allows(ctx, input) {
    const u = await ctx.db.classListUpload.findUnique({
      where: { id: input.uploadId },
      select: { school: { select: { unitId: true } } },
    });
    return holdsRoleOn(ctx, CLASS_LIST_ROLES, u?.school.unitId ?? null);
  },
};
// —— end of class-list import ——
