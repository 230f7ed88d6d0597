import { describe, expect, it } from 'vitest';
import { pupilNamedIn } from '../src/pupil-names-in-text';

const pupils = ['nguyen van dat', 'cam thi xuan', 'lan'];

describe('pupilNamedIn', () => {
  it('finds a full name written with accents, any case, around punctuation', () => {
    expect(pupilNamedIn('Em NGUYỄN Văn Đạt, lớp 6A, tiến bộ.', pupils)).toBe('nguyen van dat');
    expect(pupilNamedIn('(Cầm  Thị Xuân)', pupils)).toBe('cam thi xuan');
    expect(pupilNamedIn('Nguyễn Văn Đạt', pupils)).toBe('nguyen van dat');
  });
  it('finds a name typed in decomposed (NFD) form', () => {
    expect(pupilNamedIn('Cầm Thị Xuân'.normalize('NFD'), pupils)).toBe('cam thi xuan');
  });
  it('matches whole words only, and ignores one-word names', () => {
    expect(pupilNamedIn('Nguyễn Văn Đạtt đã học', pupils)).toBeNull();
    expect(pupilNamedIn('Trường có 3 em, Lan phụ trách', pupils)).toBeNull();
    expect(pupilNamedIn('Thầy Nguyễn Văn An hỗ trợ tốt', pupils)).toBeNull();
  });
  it('is empty-safe', () => {
    expect(pupilNamedIn('', pupils)).toBeNull();
    expect(pupilNamedIn('Nguyễn Văn Đạt', [])).toBeNull();
  });
});
