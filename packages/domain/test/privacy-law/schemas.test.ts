import { describe, expect, it } from 'vitest';
import {
  breachInputSchema,
  consentProblems,
  dataCorrectionSchema,
  ERROR_MESSAGES,
  legalBasisInputSchema,
  processingRecord,
  readersTable,
  recordConsentSchema,
  schemaMessageIn,
} from '../../src';

const consent = {
  caseId: 'c1',
  givenOn: '2026-12-01',
  guardian: { name: 'Lò Thị Mai', relation: 'mother' },
  method: { kind: 'paper_form', formNumber: '12/ĐY-THCS', signedOn: '2026-12-01' },
  childAgreed: true,
  coverage: { help: true, schoolProcessing: true, officeSharing: false },
};

describe('a consent record', () => {
  it('accepts a signed form or two distinct witnesses, nothing else', () => {
    expect(recordConsentSchema.safeParse(consent).success).toBe(true);
    const inPerson = { ...consent, method: { kind: 'in_person', witnessUserIds: ['u-a', 'u-b'] } };
    expect(recordConsentSchema.safeParse(inPerson).success).toBe(true);
    const same = { ...consent, method: { kind: 'in_person', witnessUserIds: ['u-a', 'u-a'] } };
    const one = { ...consent, method: { kind: 'in_person', witnessUserIds: ['u-a'] } };
    const noNumber = { ...consent, method: { kind: 'paper_form', formNumber: '', signedOn: '2026-12-01' } };
    for (const bad of [same, one, noNumber, { ...consent, guardian: { name: ' ', relation: 'mother' } }])
      expect(recordConsentSchema.safeParse(bad).success).toBe(false);
  });

  it('needs the child’s agreement from 7 on the day of consent, and the help and school processing', () => {
    const parsed = recordConsentSchema.parse({ ...consent, childAgreed: null });
    // 7 on 10/03/2026: consent on 01/12/2026 needs the child
    expect(consentProblems(parsed, '2019-03-10', '2026-12-02')).toEqual(['CONSENT_CHILD_REQUIRED']);
    // 6 on the day: the guardian alone
    expect(consentProblems(parsed, '2020-03-10', '2026-12-02')).toEqual([]);
    expect(consentProblems(parsed, null, '2026-12-02')).toEqual(['CONSENT_CHILD_REQUIRED']);
    const partial = {
      ...parsed,
      childAgreed: true,
      coverage: { help: true, schoolProcessing: false, officeSharing: true },
    };
    expect(consentProblems(partial, '2019-03-10', '2026-12-02')).toEqual(['CONSENT_COVERAGE_INCOMPLETE']);
    expect(consentProblems({ ...parsed, childAgreed: true }, '2019-03-10', '2026-11-30')).toEqual([
      'CONSENT_DATE_INVALID',
    ]);
  });

  it('has a vi and an en message for every refusal', () => {
    for (const code of [
      'CONSENT_CHILD_REQUIRED',
      'CONSENT_COVERAGE_INCOMPLETE',
      'CONSENT_DATE_INVALID',
    ] as const) {
      expect(ERROR_MESSAGES[code].vi).toMatch(/\p{L}/u);
      expect(ERROR_MESSAGES[code].en).toMatch(/[a-z]/);
    }
  });
});

describe('other records', () => {
  it('checks a correction’s value for its field', () => {
    const base = { caseId: 'c1', reason: 'Giấy khai sinh ghi khác' };
    expect(dataCorrectionSchema.safeParse({ ...base, field: 'birthDate', value: '2014-03-09' }).success).toBe(
      true,
    );
    expect(dataCorrectionSchema.safeParse({ ...base, field: 'birthDate', value: '09/03/2014' }).success).toBe(
      false,
    );
    expect(dataCorrectionSchema.safeParse({ ...base, field: 'gender', value: 'X' }).success).toBe(false);
    expect(
      dataCorrectionSchema.safeParse({ ...base, field: 'fullName', value: 'A', reason: '' }).success,
    ).toBe(false);
  });

  it('speaks English for every message its forms can show', () => {
    const messages = [
      ...(recordConsentSchema.safeParse({
        ...consent,
        guardian: { name: '', relation: 'mother' },
        method: { kind: 'in_person', witnessUserIds: ['u-a', 'u-a', 'u-b'] },
      }).error?.issues ?? []),
      ...(legalBasisInputSchema.safeParse({ code: 'X', title: '', reference: '' }).error?.issues ?? []),
      ...(breachInputSchema.safeParse({
        detectedAt: 'x',
        description: '',
        categories: [],
        affectedCount: 1.5,
      }).error?.issues ?? []),
      ...(dataCorrectionSchema.safeParse({ caseId: 'c', field: 'birthDate', value: 'x', reason: '' }).error
        ?.issues ?? []),
    ].map((i) => i.message);
    expect(messages.length).toBeGreaterThan(8);
    expect(messages.filter((m) => schemaMessageIn('en', m) === m)).toEqual([]);
  });
});

describe('the processing record', () => {
  it('says who sees the child from the identity rule itself', () => {
    const byKey = Object.fromEntries(readersTable().map((r) => [r.key, r]));
    expect(byKey.school_manager?.views.case_page).toBe('named');
    expect(byKey.office?.views.case_page).toBe('masked');
    expect(byKey.office?.views.export).toBe('masked');
    expect(byKey.office_revealed?.views.case_page).toBe('revealed');
    expect(byKey.offered?.family).toBe(false);
    expect(byKey.other?.views.case_page).toBe('none');
    const record = processingRecord({ controller: 'Sở GD&ĐT', campaigns: [], legalBases: [], storage: [] });
    expect(record.categories.map((c) => c.key)).toContain('family_circumstances');
  });
});
