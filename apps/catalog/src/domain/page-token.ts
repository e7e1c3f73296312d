/**
 * Page tokens are opaque to clients: base64url of `o:<offset>`. The prefix
 * lets a token from another list be told apart from a valid one.
 */
export const encodePageToken = (offset: number): string =>
  Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

/** The offset in a token, or undefined when the token is not one of ours. */
export function decodePageToken(token: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,24}$/.test(token)) return undefined;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
