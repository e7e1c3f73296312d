import { createHash } from 'node:crypto';

export const API_KEY_HEADER = 'x-api-key';

/**
 * Bounded so a header cannot make the key store hold arbitrary data: the
 * characters of common key formats (base64, base64url, hex, dotted or dashed
 * prefixes), 8 to 256 of them.
 */
const API_KEY = /^[A-Za-z0-9._~+/=-]{8,256}$/;

export type ClientIdentity =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly detail: string };

/**
 * Whose budget a request spends: its API key's when it sends one, else its
 * IP's. The key is stored hashed, so the counter store never holds a
 * credential. A malformed key is refused rather than ignored: falling back to
 * the IP would hide the client's mistake behind someone else's budget.
 */
export function clientIdentityOf(
  apiKey: string | string[] | undefined,
  ip: string,
): ClientIdentity {
  if (apiKey === undefined) return { ok: true, key: `ip:${ip}` };
  if (typeof apiKey !== 'string' || !API_KEY.test(apiKey)) {
    return {
      ok: false,
      detail: 'X-API-Key must be one value of 8 to 256 characters: letters, digits or ._~+/=-',
    };
  }
  return { ok: true, key: `key:${createHash('sha256').update(apiKey).digest('base64url')}` };
}
