import { adminUnitRows } from '@donghanh/db';
import type { Context } from '../../context';
import { startOfTodayUtc } from './admin-audit';

const collator = new Intl.Collator('vi', { numeric: true });
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * The whole organisation tree, parents before children and siblings by name (Vietnamese order),
 * with the depth of each unit so a screen can indent it. Closed units stay: history reads them.
 */
export async function listUnits(ctx: Context) {
  const rows = await adminUnitRows(ctx.db);
  const today = startOfTodayUtc();
  const ids = new Set(rows.map((u) => u.id));
  const children = new Map<string | null, typeof rows>();
  for (const u of rows) {
    // A unit whose parent is missing is shown as a root rather than lost.
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: (Omit<(typeof rows)[number], 'validFrom' | 'validUntil'> & {
    depth: number;
    validFrom: string | null;
    validUntil: string | null;
    closed: boolean;
  })[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
    for (const u of level) {
      // Bad data with a cycle would otherwise recurse for ever.
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({
        ...u,
        depth,
        validFrom: day(u.validFrom),
        validUntil: day(u.validUntil),
        closed: u.validUntil !== null && u.validUntil < today,
      });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
