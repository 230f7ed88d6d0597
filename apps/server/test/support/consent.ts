import { randomUUID } from 'node:crypto';
import { systemToday } from '@donghanh/db';
import type { signedInClient } from '../../src/testing';

type Api = Awaited<ReturnType<typeof signedInClient>>;

/**
 * The guardian's consent on a signed paper form, the child agreeing (every demo pupil is past 7):
 * what the school records after screening, before it may offer the case to a helper.
 */
export async function recordConsent(api: Api, caseId: string): Promise<void> {
  // The calendar's today (what the dashboard's form offers): the consent step never refuses it.
  const today = systemToday();
  await api.consent.record.mutate({
    caseId,
    recordingId: randomUUID(),
    givenOn: today,
    guardian: { name: 'Lò Văn Bố', relation: 'father' },
    method: { kind: 'paper_form', formNumber: `DY-${caseId.slice(-8)}`, signedOn: today },
    childAgreed: true,
    coverage: { help: true, schoolProcessing: true, officeSharing: true },
  });
}
