// OTLP times are decimal strings of nanoseconds since the epoch: past 2^53, so
// differences are taken in BigInt before they become (small) Numbers.

const NANOS_PER_MS = 1_000_000n;

/** A nanosecond string as BigInt; anything that is not a non-negative integer counts as 0. */
export function nanos(value: string): bigint {
  return /^\d+$/.test(value) ? BigInt(value) : 0n;
}

/** Milliseconds from `from` to `to` (negative when `to` is earlier), to the microsecond. */
export function millisBetween(from: string | bigint, to: string | bigint): number {
  const a = typeof from === 'bigint' ? from : nanos(from);
  const b = typeof to === 'bigint' ? to : nanos(to);
  const micros = (b - a) / 1_000n;
  return Number(micros) / 1000;
}

/** Unix milliseconds of a nanosecond string (for Date). */
export function unixMillis(value: string): number {
  return Number(nanos(value) / NANOS_PER_MS);
}

/** Orders nanosecond strings numerically, without parsing them. */
export function compareNanos(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}
