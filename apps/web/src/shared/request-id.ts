import { useCallback, useState } from 'react';

/**
 * A uuid v4 from the browser's random source. `crypto.randomUUID` exists only on secure
 * origins (https, localhost), and a school may reach the dashboard over plain http on its LAN.
 */
export function newRequestId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The id of one submission of a form, made when the form opens and kept across its retries:
 * the server writes the step once under it, so a second click or a retried request after a
 * lost answer changes nothing (docs/reports.md, corrections of a check-in; consent). Once the
 * server has refused it (4xx), the next submission is a new one (the person changes the form):
 * `renewAfter(error)` makes a new id then, and keeps it after a 5xx or when no answer came back.
 */
/**
 * Only a refusal (4xx) ends a submission. A 5xx — WORKFLOW_UNAVAILABLE ("please retry")
 * included — may come after the step was accepted: the retry must keep the id, or the same
 * correction would be written twice. No answer at all keeps it too.
 */
export function endsSubmission(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: unknown } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function useRequestId(): { id: string; renewAfter: (error: unknown) => void } {
  const [id, setId] = useState(newRequestId);
  const renewAfter = useCallback((error: unknown) => {
    if (endsSubmission(error)) setId(newRequestId());
  }, []);
  return { id, renewAfter };
}
