import { readPrivacyRegister, systemToday } from '@donghanh/db';
import { registerRow, summariseRegister } from '@donghanh/domain';
import type { Context } from '../../context';

/**
 * The inspector's register: every case's basis for processing and its erasure, judged on the
 * calendar's today (domain privacy-law/register.ts). Flagged rows first; the summary counts all.
 */
export async function privacyRegister(
  ctx: Context,
  input: { schoolId?: string | undefined; flaggedOnly: boolean; limit: number },
) {
  const today = systemToday();
  const facts = await readPrivacyRegister(ctx.db, {
    schoolIds: input.schoolId ? [input.schoolId] : undefined,
  });
  const rows = facts.map((f) => registerRow(f, today));
  const listed = rows
    .filter((r) => !input.flaggedOnly || r.flagged)
    .sort((a, b) => Number(b.flagged) - Number(a.flagged));
  return {
    today,
    summary: summariseRegister(rows),
    rows: listed.slice(0, input.limit),
    truncated: listed.length > input.limit,
  };
}
