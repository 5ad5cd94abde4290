import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring download links: `?exp=<unix seconds>&sig=<HMAC-SHA256>` over the file id
 * and the expiry. A link works for one file until its time; changing either breaks the
 * signature. Nothing is stored per link, so any web instance can check any link.
 */

/** The part of a link that proves it was issued by us. */
export interface LinkSignature {
  exp: number;
  sig: string;
}

export type LinkCheck = 'ok' | 'invalid' | 'expired';

/**
 * The signing key, derived from the data encryption key so there is no extra secret to
 * manage; the label keeps it distinct from any other key derived the same way.
 */
export function deriveLinkSecret(dataKey: Buffer): Buffer {
  return createHmac('sha256', dataKey).update('ctv-assistant/file-links/v1').digest();
}

/** Signs a link to `fileId` valid until `expiresAt` (rounded down to the second). */
export function signFileLink(secret: Buffer, fileId: string, expiresAt: Date): LinkSignature {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return { exp, sig: mac(secret, fileId, exp).toString('base64url') };
}

/**
 * Checks a link at `now`. The signature is compared in constant time and checked before the
 * expiry, so a forged link never learns whether its date would have been accepted.
 */
export function checkFileLink(
  secret: Buffer,
  fileId: string,
  exp: unknown,
  sig: unknown,
  now: Date,
): LinkCheck {
  if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return 'invalid';
  if (typeof sig !== 'string' || !/^[\w-]{43}$/.test(sig)) return 'invalid';

  const expected = mac(secret, fileId, Number(exp));
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 > now.getTime() ? 'ok' : 'expired';
}

/** The query string of a signed link. */
export function linkQuery(signature: LinkSignature): string {
  return new URLSearchParams({ exp: String(signature.exp), sig: signature.sig }).toString();
}

function mac(secret: Buffer, fileId: string, exp: number): Buffer {
  // A separator that cannot occur in the decimal expiry keeps (id, exp) pairs unambiguous.
  return createHmac('sha256', secret).update(`${fileId}\n${exp}`).digest();
}
