import { randomBytes } from 'node:crypto';
import {
  checkFileLink,
  deriveLinkSecret,
  linkQuery,
  signFileLink,
} from '../../src/domain/signed-link.js';
import { formatLinkCode, newLinkCode, readLinkCode } from '../../src/services/link.service.js';

const secret = deriveLinkSecret(randomBytes(32));
const FILE = '6b12eefd06fd15eb8a8ca329';
const NOW = new Date('2026-12-01T00:00:00Z');
const IN_A_WEEK = new Date('2026-12-08T00:00:00Z');

describe('signed file links', () => {
  it('accept the file and expiry they were signed for, until the expiry', () => {
    const { exp, sig } = signFileLink(secret, FILE, IN_A_WEEK);
    expect(exp).toBe(IN_A_WEEK.getTime() / 1000);
    expect(checkFileLink(secret, FILE, String(exp), sig, NOW)).toBe('ok');
    expect(checkFileLink(secret, FILE, String(exp), sig, IN_A_WEEK)).toBe('expired');
    expect(linkQuery({ exp, sig })).toBe(`exp=${exp}&sig=${sig}`);
  });

  it('refuse another file, a later expiry, a changed signature or another key', () => {
    const { exp, sig } = signFileLink(secret, FILE, IN_A_WEEK);
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    expect(checkFileLink(secret, '6b12eefd06fd15eb8a8ca32a', String(exp), sig, NOW)).toBe(
      'invalid',
    );
    expect(checkFileLink(secret, FILE, String(exp + 86_400), sig, NOW)).toBe('invalid');
    expect(checkFileLink(secret, FILE, String(exp), flipped, NOW)).toBe('invalid');
    const other = deriveLinkSecret(randomBytes(32));
    expect(checkFileLink(other, FILE, String(exp), sig, NOW)).toBe('invalid');
  });

  it('refuse an expired link only after checking its signature', () => {
    const old = signFileLink(secret, FILE, new Date('2026-11-01T00:00:00Z'));
    expect(checkFileLink(secret, FILE, String(old.exp), old.sig, NOW)).toBe('expired');
    expect(checkFileLink(secret, FILE, String(old.exp), 'x'.repeat(43), NOW)).toBe('invalid');
  });

  it('refuse malformed or missing parts', () => {
    const { sig } = signFileLink(secret, FILE, IN_A_WEEK);
    for (const [exp, s] of [
      [undefined, sig],
      ['1e12', sig],
      ['-5', sig],
      [['1'], sig],
      ['1800000000', undefined],
      ['1800000000', `${sig}=`],
    ]) {
      expect(checkFileLink(secret, FILE, exp, s, NOW)).toBe('invalid');
    }
  });
});

describe('link codes', () => {
  it('are 8 characters without look-alikes, shown with a hyphen', () => {
    const codes = Array.from({ length: 200 }, newLinkCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(new Set(codes).size).toBe(200);
    expect(formatLinkCode('K7QMXP3A')).toBe('K7QM-XP3A');
  });

  it('are read whatever the case, spaces and hyphens', () => {
    expect(readLinkCode('k7qm-xp3a')).toBe('K7QMXP3A');
    expect(readLinkCode(' K7QM XP3A ')).toBe('K7QMXP3A');
    expect(readLinkCode('K7QM-XP3')).toBeUndefined();
    expect(readLinkCode('K7QM-XP30')).toBeUndefined();
    expect(readLinkCode('xin chào')).toBeUndefined();
  });
});
