import { badRequest } from '../http/http-error';
import { consistencyOf, refuseForeignDatacenter } from '../http/read-options';

const UINT64_MAX = 18446744073709551615n;

/** Go's strconv.ParseUint(text, 10, 64); its error becomes a 500, as in Consul. */
export function parseUint64(text: string): bigint {
  if (!/^\d+$/.test(text))
    throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = BigInt(text);
  if (value > UINT64_MAX)
    throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return value;
}

/** Go's url.QueryEscape: only [A-Za-z0-9-_.~] stay bare, space becomes '+'. */
const queryEscape = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** Go's url.Values.Encode: keys sorted, each key's values in order. */
export function encodeQuery(query: URLSearchParams): string {
  const keys = [...new Set(query.keys())].sort();
  return keys
    .flatMap((key) => query.getAll(key).map((v) => `${queryEscape(key)}=${queryEscape(v)}`))
    .join('&');
}

/** Consul's conflictingFlags: at most one of `flags` may be present. */
export function refuseConflictingFlags(query: URLSearchParams, flags: readonly string[]): void {
  if (flags.filter((flag) => query.has(flag)).length > 1)
    throw badRequest(`Conflicting flags: ${encodeQuery(query)}`);
}

/** The read-side checks Consul's `parse` makes before any RPC. */
export function checkReadOptions(query: URLSearchParams, datacenter: string): void {
  refuseForeignDatacenter(query, datacenter);
  consistencyOf(query);
}
