import type { Context } from '../context';

/**
 * The place written before the date on an official document ("Sơn La, ngày … tháng … năm …"):
 * the province of the issuing unit, from its Sở GD&ĐT (the ancestor of kind PROVINCE_DEPARTMENT),
 * its name without the department's title: 'Sở Giáo dục và Đào tạo tỉnh Sơn La' → 'Sơn La'.
 */
export function placeOfProvinceDepartment(name: string): string {
  return name
    .replace(/^\s*(Sở\s+Giáo\s+dục\s+(và|&)\s+Đào\s+tạo|Sở\s+GD\s*(&|và)?\s*ĐT|Sở\s+GDĐT)\s*/iu, '')
    .replace(/^(tỉnh|thành\s+phố|TP\.?)\s+/iu, '')
    .trim();
}

/** The place for documents issued by `unitId` (or by a unit under it): its province's name. */
export async function officialPlace(db: Context['db'], unitId: string): Promise<string> {
  let id: string | null = unitId;
  let top: string | null = null;
  // The unit tree is a handful of levels (school → commune → province).
  for (let depth = 0; id && depth < 10; depth++) {
    const unit: { name: string; kind: string; parentId: string | null } | null = await db.unit.findUnique({
      where: { id },
      select: { name: true, kind: true, parentId: true },
    });
    if (!unit) break;
    if (unit.kind === 'PROVINCE_DEPARTMENT') return placeOfProvinceDepartment(unit.name);
    top = unit.name;
    id = unit.parentId;
  }
  return top ? placeOfProvinceDepartment(top) : '';
}
