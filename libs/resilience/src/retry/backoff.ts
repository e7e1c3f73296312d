import type { RetryPolicy } from '../policy/client-policy.schema';

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"): before retry n, wait a uniform random time up to
 * min(max, initial × 2^(n-1)). The randomness spreads retries of many
 * callers so they don't arrive in waves.
 */
export function fullJitterBackoff(
  retry: number,
  { initialBackoffMs, maxBackoffMs }: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxBackoffMs, initialBackoffMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
