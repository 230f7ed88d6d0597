// What a school's report counts (docs/reports.md): codes, counts and totals only — never a name
// and never free text, so the same figures may go to the office.
import type { CaseCategory } from '../categories';

/** One kind of goods given (not money, not rice): how much and its value. */
export interface GoodsLine {
  kind: string;
  quantity: number;
  valueVnd: number;
}

export interface ReportFigures {
  pupils: {
    /** Cases helped in the period: a check-in filed, or help under way at its end. */
    helped: number;
    byCategory: Partial<Record<CaseCategory, number>>;
    /** Helped for the first time in this period (no check-in before it). */
    newlyHelped: number;
    closed: number;
    closedByReason: Record<string, number>;
  };
  /** Teachers who filed a check-in or help a case. */
  helpers: number;
  help: {
    tutoringSessions: number;
    tutoringHours: number;
    moneyVnd: number;
    riceKg: number;
    riceValueVnd: number;
    goods: GoodsLine[];
    goodsValueVnd: number;
    familyVisits: number;
  };
  evaluations: {
    /** Semester evaluations approved by the principal in the period. */
    approved: number;
    /** …of which the results after are better than before. */
    improved: number;
  };
  dropouts: {
    /** Cases at risk of dropping out helped, none closed because the child dropped out. */
    prevented: number;
    /** Children who had dropped out and are being helped back at school. */
    returned: number;
  };
}

export function emptyFigures(): ReportFigures {
  return {
    pupils: { helped: 0, byCategory: {}, newlyHelped: 0, closed: 0, closedByReason: {} },
    helpers: 0,
    help: {
      tutoringSessions: 0,
      tutoringHours: 0,
      moneyVnd: 0,
      riceKg: 0,
      riceValueVnd: 0,
      goods: [],
      goodsValueVnd: 0,
      familyVisits: 0,
    },
    evaluations: { approved: 0, improved: 0 },
    dropouts: { prevented: 0, returned: 0 },
  };
}

function addRecord(into: Record<string, number>, from: Record<string, number | undefined>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
}

/** The sum of several schools' figures (the office's roll-up). Helpers are summed per school. */
export function sumFigures(list: readonly ReportFigures[]): ReportFigures {
  const t = emptyFigures();
  const goods = new Map<string, GoodsLine>();
  for (const f of list) {
    t.pupils.helped += f.pupils.helped;
    addRecord(t.pupils.byCategory as Record<string, number>, f.pupils.byCategory);
    t.pupils.newlyHelped += f.pupils.newlyHelped;
    t.pupils.closed += f.pupils.closed;
    addRecord(t.pupils.closedByReason, f.pupils.closedByReason);
    t.helpers += f.helpers;
    t.help.tutoringSessions += f.help.tutoringSessions;
    t.help.tutoringHours += f.help.tutoringHours;
    t.help.moneyVnd += f.help.moneyVnd;
    t.help.riceKg += f.help.riceKg;
    t.help.riceValueVnd += f.help.riceValueVnd;
    t.help.goodsValueVnd += f.help.goodsValueVnd;
    t.help.familyVisits += f.help.familyVisits;
    for (const g of f.help.goods) {
      const line = goods.get(g.kind) ?? { kind: g.kind, quantity: 0, valueVnd: 0 };
      line.quantity += g.quantity;
      line.valueVnd += g.valueVnd;
      goods.set(g.kind, line);
    }
    t.evaluations.approved += f.evaluations.approved;
    t.evaluations.improved += f.evaluations.improved;
    t.dropouts.prevented += f.dropouts.prevented;
    t.dropouts.returned += f.dropouts.returned;
  }
  t.help.goods = [...goods.values()].sort((a, b) => (a.kind < b.kind ? -1 : 1));
  t.help.tutoringHours = Math.round(t.help.tutoringHours * 100) / 100;
  return t;
}

/**
 * The coordinator's corrections: a number per figure path ('help.moneyVnd'), replacing the
 * pre-filled value. Only numeric leaves listed in CORRECTABLE may be corrected.
 */
export const CORRECTABLE = [
  'pupils.helped',
  'pupils.newlyHelped',
  'pupils.closed',
  'helpers',
  'help.tutoringSessions',
  'help.tutoringHours',
  'help.moneyVnd',
  'help.riceKg',
  'help.riceValueVnd',
  'help.goodsValueVnd',
  'help.familyVisits',
  'evaluations.approved',
  'evaluations.improved',
  'dropouts.prevented',
  'dropouts.returned',
] as const;
export type CorrectableFigure = (typeof CORRECTABLE)[number];
export type FigureCorrections = Partial<Record<CorrectableFigure, number>>;

/** The pre-filled figures with the corrections applied (a copy). */
export function applyCorrections(prefilled: ReportFigures, corrections: FigureCorrections): ReportFigures {
  const f = JSON.parse(JSON.stringify(prefilled)) as ReportFigures;
  for (const [path, value] of Object.entries(corrections)) {
    if (value === undefined) continue;
    const [a, b] = path.split('.') as [string, string | undefined];
    const obj = f as unknown as Record<string, Record<string, number> | number>;
    if (b === undefined) obj[a] = value;
    else (obj[a] as Record<string, number>)[b] = value;
  }
  return f;
}

/** The kinds of material help, as the report names them. */
export const MATERIAL_KIND_LABELS: Record<string, { vi: string; en: string; unit: string }> = {
  money: { vi: 'Tiền mặt', en: 'Money', unit: 'đồng' },
  rice: { vi: 'Gạo', en: 'Rice', unit: 'kg' },
  clothes: { vi: 'Quần áo', en: 'Clothes', unit: 'bộ' },
  books: { vi: 'Sách vở', en: 'Books', unit: 'quyển' },
  supplies: { vi: 'Đồ dùng học tập', en: 'School supplies', unit: 'bộ' },
  bicycle: { vi: 'Xe đạp', en: 'Bicycle', unit: 'chiếc' },
  other: { vi: 'Hiện vật khác', en: 'Other goods', unit: '' },
};
