import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, normalizeName, searchKey, splitVietnameseName } from '../src';

describe('Vietnamese names', () => {
  it('splits family, middle and given names', () => {
    expect(splitVietnameseName('  Nguyễn   Thị  Minh Khai ')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai',
    });
    expect(splitVietnameseName('An')).toEqual({ family: '', middle: '', given: 'An' });
  });

  it('sorts by given name first, with Đ after D and Ư after U (not after Z)', () => {
    const names = ['Trần Văn Ưng', 'Lê Thị Đào', 'Phạm Văn Dũng', 'Nguyễn Văn Zũ', 'Hoàng An', 'Bùi Thị Ánh'];
    const sorted = [...names].sort(compareVietnameseNames);
    expect(sorted).toEqual([
      'Hoàng An',
      'Bùi Thị Ánh',
      'Phạm Văn Dũng',
      'Lê Thị Đào',
      'Trần Văn Ưng',
      'Nguyễn Văn Zũ',
    ]);
    // code-point order would get this wrong: the test would fail with a naive sort
    expect([...names].sort()).not.toEqual(sorted);
  });

  it('breaks given-name ties by middle, then family name', () => {
    const sorted = ['Trần Văn An', 'Lê Thị An', 'Lê Văn An'].sort(compareVietnameseNames);
    expect(sorted).toEqual(['Lê Thị An', 'Lê Văn An', 'Trần Văn An']);
  });

  it('normalises NFD input to NFC', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn An');
    expect(normalizeName(nfd)).toBe('Nguyễn Văn An');
  });

  it('builds an accent-free search key, mapping đ to d', () => {
    expect(searchKey('Nguyễn Văn Đạt')).toBe('nguyen van dat');
    expect(searchKey('ĐINH THỊ ƯNG'.normalize('NFD'))).toBe('dinh thi ung');
    expect(searchKey('nguyen van an')).toBe(searchKey('Nguyễn Văn An'));
  });
});

describe('normalizeName capitalisation', () => {
  it('capitalises each word and keeps the rest as typed', () => {
    expect(normalizeName('  cầm   thị  xuân ')).toBe('Cầm Thị Xuân');
    expect(normalizeName('đinh thị ưng')).toBe('Đinh Thị Ưng');
    expect(normalizeName('Giàng A Chứ')).toBe('Giàng A Chứ');
  });
});
