// The inspector's register: for every case, on what basis its personal data is processed and
// whether it was erased when its time came. Pure: the rows come from the database, today from
// the calendar's clock. No names: codes, schools, stages and dates only.
import type { IsoDate } from '../campaign/dates';

/** What the database holds of one case for the register. */
export interface RegisterFacts {
  caseId: string;
  code: string;
  school: string;
  stage: string;
  identifiedOn: IsoDate;
  closedOn: IsoDate | null;
  closureReason: string | null;
  /** The current recording: consent | legal_basis, or null when none was ever recorded. */
  basis: 'consent' | 'legal_basis' | null;
  basisVersion: number | null;
  basisOn: IsoDate | null;
  legalBasisCode: string | null;
  withdrawnOn: IsoDate | null;
  /** A helper took the case, or a plan, check-in or evaluation was written. */
  helped: boolean;
  eraseOn: IsoDate | null;
  erasedOn: IsoDate | null;
  historyErasedOn: IsoDate | null;
  activeHolds: number;
}

export const REGISTER_BASES = [
  'consent',
  'legal_basis',
  'withdrawn',
  'awaiting',
  'not_needed',
  'missing',
] as const;
export type RegisterBasis = (typeof REGISTER_BASES)[number];
export const REGISTER_ERASURES = ['kept', 'scheduled', 'held', 'overdue', 'erased'] as const;
export type RegisterErasure = (typeof REGISTER_ERASURES)[number];

export interface RegisterRow extends RegisterFacts {
  basisState: RegisterBasis;
  erasureState: RegisterErasure;
  /** Something an inspector would question: helped without a basis, or erasure overdue. */
  flagged: boolean;
}

/** Before a helper is offered, no basis is needed yet (screening); a declined case never got one. */
const BEFORE_HELP = ['identified', 'assignment'];

export function registerBasis(f: RegisterFacts): RegisterBasis {
  if (f.withdrawnOn) return 'withdrawn';
  if (f.basis) return f.basis;
  if (f.stage === 'declined') return 'not_needed';
  if (!f.helped && BEFORE_HELP.includes(f.stage)) return 'awaiting';
  return 'missing';
}

/**
 * A closed case is erased the day after its retention ends; the workflow does it that day, so a
 * day's grace covers a timer that fires in the night. A hold not lifted stops it.
 */
export function registerErasure(f: RegisterFacts, today: IsoDate): RegisterErasure {
  if (f.erasedOn) return 'erased';
  if (!f.eraseOn) return 'kept';
  if (f.activeHolds > 0) return 'held';
  return f.eraseOn < today ? 'overdue' : 'scheduled';
}

export function registerRow(f: RegisterFacts, today: IsoDate): RegisterRow {
  const basisState = registerBasis(f);
  const erasureState = registerErasure(f, today);
  return { ...f, basisState, erasureState, flagged: basisState === 'missing' || erasureState === 'overdue' };
}

export interface RegisterSummary {
  cases: number;
  basis: Record<RegisterBasis, number>;
  erasure: Record<RegisterErasure, number>;
  historiesDeleted: number;
  flagged: number;
}

export function summariseRegister(rows: RegisterRow[]): RegisterSummary {
  const basis = Object.fromEntries(REGISTER_BASES.map((k) => [k, 0])) as Record<RegisterBasis, number>;
  const erasure = Object.fromEntries(REGISTER_ERASURES.map((k) => [k, 0])) as Record<RegisterErasure, number>;
  let historiesDeleted = 0;
  let flagged = 0;
  for (const r of rows) {
    basis[r.basisState] += 1;
    erasure[r.erasureState] += 1;
    if (r.historyErasedOn) historiesDeleted += 1;
    if (r.flagged) flagged += 1;
  }
  return { cases: rows.length, basis, erasure, historiesDeleted, flagged };
}
