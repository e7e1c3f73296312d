/**
 * The index a Consul blocking loop sends next, by the rules of Consul's docs:
 * never trust 0 (treat anything below 1 as 1), and start over from 0 when
 * the index goes backwards (a restarted or restored registry), so the next
 * read answers at once instead of blocking on an index that will not come.
 */
export function nextIndex(previous: bigint, received: bigint): bigint {
  const index = received < 1n ? 1n : received;
  return index < previous ? 0n : index;
}

/** Parses the X-Consul-Index header; undefined when missing or not a number. */
export function parseIndexHeader(value: string | string[] | undefined): bigint | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return BigInt(text);
}
