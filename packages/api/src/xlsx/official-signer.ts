import type { Context } from '../context';

/**
 * Who signs an official document, as on any signed Vietnamese document: the title in capitals,
 * room for the signature and the seal, then the name. The signer is staff (a principal, an
 * office's head), never a child, so the name goes on every copy, the office's included.
 */
export interface OfficialSigner {
  title: string;
  note: string;
  name: string | null;
}

const NOTE = '(Ký, ghi rõ họ tên, đóng dấu)';

/** The head's title of a unit by its kind (Giám đốc Sở, Trưởng phòng, Hiệu trưởng…). */
export const HEAD_TITLE: Record<string, string> = {
  MINISTRY: 'Bộ trưởng',
  PROVINCE_DEPARTMENT: 'Giám đốc',
  DISTRICT_OFFICE: 'Trưởng phòng',
  COMMUNE_OFFICE: 'Trưởng phòng',
  UNION: 'Chủ tịch',
  SCHOOL: 'Hiệu trưởng',
};

/**
 * A school's document: the principal who signed it, else the school's principal when it has
 * exactly one (a document printed before the signature still shows who signs it).
 */
export async function schoolSigner(
  db: Context['db'],
  schoolUnitId: string,
  signedById?: string | null,
): Promise<OfficialSigner> {
  const signer = signedById
    ? await db.user.findUnique({ where: { id: signedById }, select: { displayName: true } })
    : null;
  let name = signer?.displayName ?? null;
  if (!name) {
    const principals = await db.user.findMany({
      where: { disabledAt: null, roles: { some: { role: 'PRINCIPAL', unitId: schoolUnitId } } },
      select: { displayName: true },
      take: 2,
    });
    name = principals.length === 1 ? (principals[0]?.displayName ?? null) : null;
  }
  return { title: HEAD_TITLE.SCHOOL as string, note: NOTE, name };
}

/**
 * An office's document: its head's title by the office's kind. The product records no office
 * head, so no name is printed: the head writes it with the signature.
 */
export async function officeSigner(db: Context['db'], unitId: string): Promise<OfficialSigner> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { kind: true } });
  return { title: (unit && HEAD_TITLE[unit.kind]) ?? 'Thủ trưởng đơn vị', note: NOTE, name: null };
}
