import type { Reply } from '../http/reply';

// JSON.stringify refuses bigint; a marker string stands in for each one and
// is then swapped for the bare digits. \u0001 never survives stringify
// unescaped, so no ordinary string can look like a marker.
const MARK = '\u0001';
const MARKED = /"\\u0001(\d+)\\u0001"/g;

/**
 * A JSON reply that may hold uint64 values (KV Flags) as bigint, printed
 * exactly as Go prints them; indented like the router's with ?pretty.
 */
export function bigJson(value: unknown, pretty: boolean, headers?: Record<string, string>): Reply {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? `${MARK}${v}${MARK}` : v),
    pretty ? 4 : undefined,
  ).replace(MARKED, '$1');
  return { raw: { body: Buffer.from(text), contentType: 'application/json' }, headers };
}
