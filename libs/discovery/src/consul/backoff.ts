export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

/**
 * Exponential backoff with full jitter: after the n-th consecutive failure,
 * a random delay in [0, min(max, initial × 2^(n-1))). Jitter keeps many
 * watchers from retrying in step after the registry comes back.
 */
export function backoffDelay(
  failures: number,
  { initialMs, maxMs }: BackoffPolicy,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}
