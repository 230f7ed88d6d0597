import { describe, expect, it } from 'vitest';
import { hoursText, materialText, placeText, termText } from '../src/shared/format';

describe('words the schools read', () => {
  it('names a term the way a school says it, and leaves an unknown key alone', () => {
    expect(termText('2026-2027-HK1', 'vi')).toBe('Học kỳ I, năm học 2026–2027');
    expect(termText('2026-2027-HK2', 'vi')).toBe('Học kỳ II, năm học 2026–2027');
    expect(termText('2026-2027-HK2', 'en')).toBe('Semester 2, school year 2026–2027');
    expect(termText('HK-weird', 'vi')).toBe('HK-weird');
    expect(termText(null, 'vi')).toBe('');
  });

  it('writes hours with the word', () => {
    expect(hoursText(6.5, 'vi')).toBe('6,5 giờ');
    expect(hoursText(1, 'en')).toBe('1 hour');
    expect(hoursText(6.5, 'en')).toBe('6,5 hours');
  });

  it('puts the quantity and its unit before the goods, the value after', () => {
    const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(nbsp(materialText({ kind: 'rice', quantity: 15, valueVnd: 250000 }, 'vi'))).toBe(
      '15 kg gạo · 250.000 ₫',
    );
    expect(nbsp(materialText({ kind: 'money', quantity: 500000, valueVnd: 500000 }, 'vi'))).toBe(
      'Tiền mặt · 500.000 ₫',
    );
    expect(nbsp(materialText({ kind: 'clothes', quantity: 2, valueVnd: 0 }, 'vi'))).toBe('2 bộ quần áo');
    expect(nbsp(materialText({ kind: 'rice', quantity: 15, valueVnd: 250000 }, 'en'))).toBe(
      '15 kg rice · 250.000 ₫',
    );
  });

  it('leaves out a class that is not known', () => {
    expect(placeText('7A', 'THCS Chiềng Lề', 'Lớp')).toBe('Lớp 7A · THCS Chiềng Lề');
    expect(placeText('', 'THCS Chiềng Lề', 'Lớp')).toBe('THCS Chiềng Lề');
    expect(placeText(null, 'THCS Chiềng Lề', 'Lớp')).toBe('THCS Chiềng Lề');
  });
});
