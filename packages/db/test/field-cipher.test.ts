import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../src/crypto/field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(FieldCipher.generateKey());
  const text = 'Bố mất sớm, mẹ đi làm thuê ở Hà Nội; em ở với bà nội 78 tuổi.';

  it('opens what it sealed, and never stores the text in clear', () => {
    const sealed = cipher.seal(text, 'st-01');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('Hà Nội');
    expect(cipher.seal(text, 'st-01')).not.toBe(sealed); // a fresh IV each time
    expect(cipher.open(sealed, 'st-01')).toBe(text);
  });

  it('refuses a ciphertext moved to another record, tampered with, or opened with another key', () => {
    const sealed = cipher.seal(text, 'st-01');
    expect(() => cipher.open(sealed, 'st-02')).toThrow();
    const parts = sealed.split('.');
    // A different first character whatever it was (an 'A' replaced by 'A' would tamper nothing).
    const first = (parts[3] ?? '').charAt(0);
    parts[3] = `${first === 'A' ? 'B' : 'A'}${(parts[3] ?? '').slice(1)}`;
    expect(() => cipher.open(parts.join('.'), 'st-01')).toThrow();
    expect(() => new FieldCipher(FieldCipher.generateKey()).open(sealed, 'st-01')).toThrow();
  });

  it('rejects a key of the wrong size with a message that says how to make one', () => {
    expect(() => new FieldCipher(Buffer.alloc(16).toString('base64'))).toThrow(/openssl rand -base64 32/);
  });
});
