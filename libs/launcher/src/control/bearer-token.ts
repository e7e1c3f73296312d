import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token for one launch (URL-safe, 256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when `Authorization` is `Bearer <token>`; compared in constant time. */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Digests have one length, so timingSafeEqual compares without leaking the token's.
  return match !== null && timingSafeEqual(digest(match[1]), digest(token));
}
