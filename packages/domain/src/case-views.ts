/**
 * What the case page sends, by view (identity-rule.ts decides which). The named view is the
 * school's own record; the masked view is **built from an allow-list**: each field below is
 * copied on purpose — stage, codes, dates, enums, counts, totals, kinds of help — and a field
 * added to the record later stays out until someone adds it here. Free text (goals, comments,
 * notes, item descriptions, subjects, reasons, the closure note, the sponsor) never is.
 */
import type { CaseStage } from './case-stage';
import { CLOSURE_REASONS, MATERIAL_KINDS, PLAN_KINDS, RISK_LEVELS } from './case-step-schemas';

type Json = unknown;
type PlanStatus = 'SUBMITTED' | 'APPROVED' | 'RETURNED';
type EvaluationStatus = 'DRAFTED' | 'REVIEWED' | 'SIGNED_OFF' | 'RETURNED';
type HelperRole = 'PRIMARY' | 'CO_HELPER';
type HelperStatus = 'OFFERED' | 'ACTIVE' | 'DECLINED' | 'EXPIRED' | 'ENDED';
type TaskStatus = 'OPEN' | 'DONE' | 'EXPIRED' | 'CANCELLED';
type SchoolLevel = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY' | 'MULTI_LEVEL';

/** What the read model hands the API for one case (the named record). */
export interface CaseRecord {
  id: string;
  code: string;
  stage: CaseStage;
  categories: string[];
  source: string;
  riskLevel: string | null;
  term: string | null;
  closureReason: string | null;
  closureNote: string | null;
  closedAt: Date | null;
  transferToSchoolId: string | null;
  sponsorName: string | null;
  version: number;
  createdAt: Date;
  className: string | null;
  school: { id: string; name: string; unitId: string; level: SchoolLevel };
  helpers: { userId: string; role: HelperRole; status: HelperStatus; user: { displayName: string } }[];
  plans: {
    id: string;
    version: number;
    status: PlanStatus;
    goals: Json;
    kinds: string[];
    authorId: string;
    reviewerId: string | null;
    comment: string | null;
    submittedAt: Date;
    reviewedAt: Date | null;
  }[];
  checkIns: {
    id: string;
    month: string;
    term: string;
    authorId: string;
    report: Json;
    riskLevel: string;
    tutoringHours: number;
    materialVnd: number;
    dueAt: Date;
    filedAt: Date;
    late: boolean;
  }[];
  evaluations: {
    id: string;
    term: string;
    version: number;
    status: EvaluationStatus;
    content: Json;
    decision: string;
    authorId: string;
    reviewerId: string | null;
    principalId: string | null;
    comment: string | null;
    draftedAt: Date;
    reviewedAt: Date | null;
    decidedAt: Date | null;
  }[];
  events: {
    id: string;
    type: string;
    actorId: string | null;
    actorName: string | null;
    /** A mailed notification's recipient (a member of staff), like `actorName`. */
    recipientName: string | null;
    createdAt: Date;
    payload: Json;
  }[];
  tasks: {
    id: string;
    type: string;
    status: TaskStatus;
    assigneeUserId: string | null;
    assigneeRole:
      | 'TEACHER'
      | 'HOMEROOM_TEACHER'
      | 'SCHOOL_COORDINATOR'
      | 'PRINCIPAL'
      | 'OFFICE_COORDINATOR'
      | 'ADMIN'
      | null;
    scopeUnitId: string | null;
    dueAt: Date | null;
    /** The calendar day the task is due (yyyy-mm-dd); `dueAt` is the end of it on the case clock. */
    dueOn: string | null;
    remindAt: Date | null;
    remindedAt: Date | null;
    escalatedAt: Date | null;
    payload: Json;
    createdAt: Date;
  }[];
  totals: { tutoringHours: number; materialVnd: number; late: number };
}

/** The child's identity as the read model has it (the family text still sealed). */
export interface IdentityRecord {
  studentId: string;
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  ethnicity: string | null;
  moetCode: string | null;
}

/** A payload value the system wrote itself: a number, a flag, or a code-shaped string. */
type Code = string | number | boolean;
const CODE = /^[A-Za-z0-9_:./-]{1,80}$/;
const isCode = (v: unknown): v is Code =>
  typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && CODE.test(v));

/**
 * Keys of event and task payloads that hold what the system decided (months, terms, versions,
 * rounds, enums, ids, amounts). `reason`, `note`, `comment` and `text` are what people write, so
 * `reason` is kept only when it is one of the closure reasons (an enum that shares the key).
 */
const PAYLOAD_KEYS = [
  'month',
  'term',
  'version',
  'round',
  'riskLevel',
  'late',
  'alert',
  'decision',
  'recommendation',
  'by',
  'source',
  'hasReason',
  'toSchoolId',
  'fromSchoolId',
  'tutoringHours',
  'materialVnd',
  'schoolYear',
  'returned',
  'early',
  'taskId',
  'helperId',
  'from',
  'to',
  'dueAt',
  'fromSchoolUnitId',
] as const;
const PAYLOAD_LISTS = ['kinds', 'categories'] as const;

export type MaskedPayload = Record<string, Code | Code[]>;

export function maskedPayload(payload: Json): MaskedPayload {
  const out: MaskedPayload = {};
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return out;
  const p = payload as Record<string, unknown>;
  for (const k of PAYLOAD_KEYS) if (isCode(p[k])) out[k] = p[k];
  for (const k of PAYLOAD_LISTS) {
    const list = p[k];
    if (Array.isArray(list) && list.every(isCode)) out[k] = list;
  }
  if (typeof p.reason === 'string' && (CLOSURE_REASONS as readonly string[]).includes(p.reason))
    out.reason = p.reason;
  return out;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : null;

/** A check-in's counts and amounts: no notes, no item descriptions, no subjects. */
export interface MaskedCheckInReport {
  tutoring: { sessions: number; hours: number };
  material: { kind: (typeof MATERIAL_KINDS)[number]; quantity: number; valueVnd: number }[];
  familyContact: { visits: number; calls: number };
  absentDays: number;
  riskLevel: (typeof RISK_LEVELS)[number] | null;
}

export function maskedCheckInReport(report: Json): MaskedCheckInReport {
  const r = obj(report);
  const tutoring = obj(r.tutoring);
  const family = obj(r.familyContact);
  const material = Array.isArray(r.material) ? r.material : [];
  return {
    tutoring: { sessions: num(tutoring.sessions), hours: num(tutoring.hours) },
    material: material.map(obj).map((m) => ({
      kind: oneOf(MATERIAL_KINDS, m.kind) ?? 'other',
      quantity: num(m.quantity),
      valueVnd: num(m.valueVnd),
    })),
    familyContact: { visits: num(family.visits), calls: num(family.calls) },
    absentDays: num(r.absentDays),
    riskLevel: oneOf(RISK_LEVELS, r.riskLevel),
  };
}

const LEVEL = /^[a-z_]{1,20}$/;
const level = (v: unknown): string | null => (typeof v === 'string' && LEVEL.test(v) ? v : null);

/** An evaluation's levels and decisions: no progress text. */
export interface MaskedEvaluationContent {
  resultsBefore: string | null;
  resultsAfter: string | null;
  conductBefore: string | null;
  conductAfter: string | null;
  stillAtRisk: boolean | null;
  recommendation: string | null;
  closureReason: (typeof CLOSURE_REASONS)[number] | null;
}

export function maskedEvaluationContent(content: Json): MaskedEvaluationContent {
  const c = obj(content);
  return {
    resultsBefore: level(c.resultsBefore),
    resultsAfter: level(c.resultsAfter),
    conductBefore: level(c.conductBefore),
    conductAfter: level(c.conductAfter),
    stillAtRisk: typeof c.stillAtRisk === 'boolean' ? c.stillAtRisk : null,
    recommendation: oneOf(['continue', 'propose_closure'] as const, c.recommendation),
    closureReason: oneOf(CLOSURE_REASONS, c.closureReason),
  };
}

/** The case as an office sees it: everything here was chosen field by field. */
export function maskedCaseContent(d: CaseRecord) {
  return {
    id: d.id,
    code: d.code,
    stage: d.stage,
    categories: d.categories.filter((c) => CODE.test(c)),
    source: d.source,
    riskLevel: oneOf(RISK_LEVELS, d.riskLevel),
    term: d.term,
    closureReason: oneOf(CLOSURE_REASONS, d.closureReason),
    closureNote: null,
    closedAt: d.closedAt,
    transferToSchoolId: d.transferToSchoolId,
    sponsorName: null,
    version: d.version,
    createdAt: d.createdAt,
    className: d.className,
    school: { id: d.school.id, name: d.school.name, unitId: d.school.unitId, level: d.school.level },
    // Staff, not the child: their names are shown to every reader of the case.
    helpers: d.helpers.map((h) => ({
      userId: h.userId,
      role: h.role,
      status: h.status,
      user: { displayName: h.user.displayName },
    })),
    plans: d.plans.map((p) => ({
      id: p.id,
      version: p.version,
      status: p.status,
      goals: null,
      kinds: p.kinds.filter((k) => (PLAN_KINDS as readonly string[]).includes(k)),
      authorId: p.authorId,
      reviewerId: p.reviewerId,
      comment: null,
      submittedAt: p.submittedAt,
      reviewedAt: p.reviewedAt,
    })),
    checkIns: d.checkIns.map((ci) => ({
      id: ci.id,
      month: ci.month,
      term: ci.term,
      authorId: ci.authorId,
      report: maskedCheckInReport(ci.report),
      riskLevel: ci.riskLevel,
      tutoringHours: ci.tutoringHours,
      materialVnd: ci.materialVnd,
      dueAt: ci.dueAt,
      filedAt: ci.filedAt,
      late: ci.late,
    })),
    evaluations: d.evaluations.map((e) => ({
      id: e.id,
      term: e.term,
      version: e.version,
      status: e.status,
      content: maskedEvaluationContent(e.content),
      decision: e.decision,
      authorId: e.authorId,
      reviewerId: e.reviewerId,
      principalId: e.principalId,
      comment: null,
      draftedAt: e.draftedAt,
      reviewedAt: e.reviewedAt,
      decidedAt: e.decidedAt,
    })),
    events: d.events.map((e) => ({
      id: e.id,
      type: e.type,
      actorId: e.actorId,
      actorName: e.actorName,
      recipientName: e.recipientName,
      createdAt: e.createdAt,
      payload: maskedPayload(e.payload),
    })),
    tasks: d.tasks.map((t) => ({
      id: t.id,
      type: t.type,
      status: t.status,
      assigneeUserId: t.assigneeUserId,
      assigneeRole: t.assigneeRole,
      scopeUnitId: t.scopeUnitId,
      dueAt: t.dueAt,
      dueOn: t.dueOn,
      remindAt: t.remindAt,
      remindedAt: t.remindedAt,
      escalatedAt: t.escalatedAt,
      payload: maskedPayload(t.payload),
      createdAt: t.createdAt,
    })),
    totals: { tutoringHours: d.totals.tutoringHours, materialVnd: d.totals.materialVnd, late: d.totals.late },
  };
}

/** Only the identity's fields, family excluded (it is added for those who may see it). */
export function identityFields(i: IdentityRecord) {
  return {
    studentId: i.studentId,
    fullName: i.fullName,
    birthDate: i.birthDate,
    gender: i.gender,
    ethnicity: i.ethnicity,
    moetCode: i.moetCode,
  };
}
