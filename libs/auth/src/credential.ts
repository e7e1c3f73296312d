/** What a request presented as its credential, read from its headers. */
export type PresentedCredential =
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'api-key' | 'bearer'; readonly value: string };

/** A JWT's compact form: three base64url parts (the signature may be empty, as `alg: none` makes it). */
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const API_KEY_PREFIX = 'jk_';
/** Longer than any key or token we accept: no header makes us parse megabytes. */
const MAX_LENGTH = 8192;

type Header = string | string[] | undefined;

/**
 * `Authorization: Bearer <api key or JWT>`, or `X-API-Key: <api key>`. Both
 * at once, a repeated header, another scheme or a value of neither shape is
 * malformed: a 401, never a silent fall back to anonymous.
 */
export function presentedCredential(authorization: Header, apiKey: Header): PresentedCredential {
  if (authorization === undefined && apiKey === undefined) return { kind: 'none' };
  if (authorization !== undefined && apiKey !== undefined) return { kind: 'malformed' };
  if (apiKey !== undefined) {
    return typeof apiKey === 'string' && apiKey.startsWith(API_KEY_PREFIX) && apiKey.length < 200
      ? { kind: 'api-key', value: apiKey }
      : { kind: 'malformed' };
  }
  if (typeof authorization !== 'string' || authorization.length > MAX_LENGTH) {
    return { kind: 'malformed' };
  }
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!match) return { kind: 'malformed' };
  const value = match[1];
  if (value.startsWith(API_KEY_PREFIX)) return { kind: 'api-key', value };
  return COMPACT_JWT.test(value) ? { kind: 'bearer', value } : { kind: 'malformed' };
}
