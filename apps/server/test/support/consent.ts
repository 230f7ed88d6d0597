import { isoDateAt } from '@donghanh/domain';
import type { signedInClient } from '../../src/testing';

type Api = Awaited<ReturnType<typeof signedInClient>>;

/**
 * The guardian's consent on a signed paper form, the child agreeing (every demo pupil is past 7):
 * what the school records after screening, before it may offer the case to a helper.
 */
export async function recordConsent(api: Api, caseId: string): Promise<void> {
  // The API checks the day against its own today; the form was signed the same day.
  const today = isoDateAt(new Date());
  await api.consent.record.mutate({
    caseId,
    givenOn: today,
    guardian: { name: 'Lò Văn Bố', relation: 'father' },
    method: { kind: 'paper_form', formNumber: `DY-${caseId.slice(-8)}`, signedOn: today },
    childAgreed: true,
    coverage: { help: true, schoolProcessing: true, officeSharing: true },
  });
}
