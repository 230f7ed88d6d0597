import { describe, expect, it } from 'vitest';
import { checkInTotals, materialItemSchema } from '../src/case-step-schemas';

/** Goods by weight (rice) may be given without a price; everything else needs its value. */
describe('a material item’s value', () => {
  it('is optional for rice (kg) and counts as nothing in the totals', () => {
    const rice = materialItemSchema.parse({ kind: 'rice', quantity: 15 });
    expect(rice.valueVnd).toBeUndefined();
    expect(
      checkInTotals({
        tutoring: { sessions: 0, hours: 0, subjects: [] },
        material: [rice, { kind: 'money', quantity: 200_000, valueVnd: 200_000 }],
        familyContact: { visits: 0, calls: 0 },
        absentDays: 0,
        riskLevel: 'low',
      }).materialVnd,
    ).toBe(200_000);
  });

  it('is required for goods counted otherwise, with the field named in the message', () => {
    for (const kind of ['clothes', 'books', 'bicycle', 'money', 'other'] as const) {
      const r = materialItemSchema.safeParse({ kind, quantity: 2 });
      expect(r.success, kind).toBe(false);
      expect(r.error?.issues).toEqual([
        expect.objectContaining({ path: ['valueVnd'], message: 'Nhập trị giá (đồng)' }),
      ]);
    }
  });
});
