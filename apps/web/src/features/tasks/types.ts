import type { AppRouter } from '@donghanh/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Out = inferRouterOutputs<AppRouter>;
export type In = inferRouterInputs<AppRouter>;
export type InboxTask = Out['task']['inbox'][number];
export type CaseDetail = Out['case']['get'];

/** The steps a helper takes from this screen; everything else is a coordinator's or principal's. */
export const TEACHER_TASKS = [
  'respond_offer',
  'write_plan',
  'file_checkin',
  'draft_evaluation',
  'confirm_return',
] as const;
export type TeacherTaskType = (typeof TEACHER_TASKS)[number];

export const isTeacherTask = (type: string): type is TeacherTaskType =>
  (TEACHER_TASKS as readonly string[]).includes(type);

const SIGN_OFF = new Set(['signoff_evaluation', 'approve_closure']);

/**
 * Where a task is done: here for a helper's step, the case's consent section for the child's
 * own consent at 7 (its form opened and prefilled), the other screens for the rest.
 */
export function taskHref(t: Pick<InboxTask, 'id' | 'type' | 'caseId'>): string {
  if (isTeacherTask(t.type)) return `/tasks/${encodeURIComponent(t.id)}`;
  if (t.type === 'record_child_consent') return `/cases/${encodeURIComponent(t.caseId)}?consent=child`;
  return SIGN_OFF.has(t.type) ? '/sign-off' : '/coordination';
}

export function payloadOf(t: InboxTask): {
  month?: string;
  term?: string;
  returned?: boolean;
  schoolYear?: number;
} {
  return t.payload && typeof t.payload === 'object' && !Array.isArray(t.payload)
    ? (t.payload as Record<string, never>)
    : {};
}
