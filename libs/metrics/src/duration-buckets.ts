/**
 * Histogram buckets (seconds) for every duration Junction measures: from
 * half a millisecond (a breaker's or a cache's answer) to ten seconds (past
 * any deadline the platform sets), about three per decade.
 */
export const DURATION_BUCKETS_S: readonly number[] = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
