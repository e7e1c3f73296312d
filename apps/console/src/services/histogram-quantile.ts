/** One cumulative bucket: observations ≤ `le` (Infinity for +Inf). */
export interface Bucket {
  readonly le: number;
  readonly count: number;
}

/**
 * The q-quantile of cumulative buckets, interpolated linearly inside the
 * bucket that holds it, as Prometheus' histogram_quantile does; the highest
 * finite bound when it falls in +Inf. 0 with no observations.
 */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total <= 0) return 0;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      if (bucket.le === Infinity) return lowerBound;
      const inBucket = bucket.count - lowerCount;
      return inBucket <= 0
        ? bucket.le
        : lowerBound + ((bucket.le - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = bucket.le;
    lowerCount = bucket.count;
  }
  return lowerBound;
}

/** A bucket bound as prom-client writes it (`le` 0.005 or '+Inf'). */
export const bucketBound = (le: string | number | undefined): number =>
  le === '+Inf' ? Infinity : Number(le);
