import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { previewClassListInput } from '../../router/class-list.schema';
import { namesVisible, planUpload } from './class-list-plan';

/**
 * The wizard's preview: the sheet choice, the mapping (guessed, or the school's), and a page of
 * rows with their errors, warnings and field-by-field changes. Names only for the school's staff.
 */
export async function previewClassList(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof previewClassListInput>,
) {
  const outcome = await planUpload(ctx, input);
  if (outcome.step === 'sheet')
    return { ...outcome, rows: [], total: 0, counts: null, newClasses: [], namesShown: false };
  const named = await namesVisible(ctx, outcome.schoolId);
  const { plan, ...rest } = outcome;
  const all = plan?.rows ?? [];
  const listed = input.onlyNotable
    ? all.filter((r) => r.issues.length > 0 || r.action === 'create' || r.action === 'update')
    : all;
  const rows = listed.slice(input.offset, input.offset + input.limit).map((r) => ({
    line: r.line,
    moetCode: r.moetCode,
    fullName: named ? r.fullName : null,
    birthDate: named ? r.birthDate : null,
    gender: r.gender,
    ethnicity: named ? r.ethnicity : null,
    className: r.className,
    action: r.action,
    issues: r.issues,
    changes: r.changes.map((c) =>
      named || c.field === 'className' || c.field === 'archived' || c.field === 'gender'
        ? c
        : { field: c.field, from: null, to: null },
    ),
  }));
  return {
    ...rest,
    namesShown: named,
    counts: plan?.counts ?? null,
    newClasses: plan?.newClasses ?? [],
    total: listed.length,
    rows,
  };
}
