import { randomBytes } from 'node:crypto';
import { createFieldCipher } from '../../src/domain/crypto.js';

const cipher = createFieldCipher(randomBytes(32));

/** Flips one bit of the base64url part at `index` (1 nonce, 2 tag, 3 ciphertext). */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('createFieldCipher', () => {
  it('decrypts what it encrypted, Vietnamese included', () => {
    for (const plain of ['079201001234', '0011002345678', 'Nguyễn Thị Hương', '']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('writes the versioned format and never the clear text', () => {
    const sealed = cipher.encrypt('079201001234');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('079201001234');
    expect(Buffer.from(sealed.split('.')[1]!, 'base64url')).toHaveLength(12);
  });

  it('uses a new nonce each time, so equal values do not look equal', () => {
    const first = cipher.encrypt('079201001234');
    const second = cipher.encrypt('079201001234');
    expect(first).not.toBe(second);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
  });

  it.each([
    [1, 'nonce'],
    [2, 'tag'],
    [3, 'ciphertext'],
  ])('refuses a tampered %s (part %i)', (index) => {
    const sealed = cipher.encrypt('0011002345678');
    expect(() => cipher.decrypt(tamper(sealed, index))).toThrow();
  });

  it('refuses a value sealed with another key', () => {
    const other = createFieldCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('079201001234'))).toThrow();
  });

  it('refuses an unknown format', () => {
    expect(() => cipher.decrypt('079201001234')).toThrow(/format/);
    expect(() => cipher.decrypt(cipher.encrypt('x').replace(/^v1/, 'v2'))).toThrow(/format/);
  });

  it.each([0, 16, 31, 33, 64])('refuses a key of %i bytes', (length) => {
    expect(() => createFieldCipher(Buffer.alloc(length))).toThrow(/32 bytes/);
  });
});
