import type { RetryPolicy } from '../policy/client-policy.schema';

/**
 * Bounds retries to a share of calls over a sliding window (Finagle's retry
 * budget), so when an upstream is down retries add at most that share to
 * its load instead of multiplying it. The window is counted in ten buckets.
 */
export class RetryBudget {
  private static readonly BUCKETS = 10;
  private readonly calls = new Array<number>(RetryBudget.BUCKETS).fill(0);
  private readonly retries = new Array<number>(RetryBudget.BUCKETS).fill(0);
  private bucketStart = 0;
  private current = 0;

  constructor(
    private readonly policy: () => RetryPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** A logical call started (its retries are counted separately). */
  recordCall(): void {
    this.rotate();
    this.calls[this.current] += 1;
  }

  /** Takes one retry from the budget; false when it is spent. */
  tryRetry(): boolean {
    this.rotate();
    const { budgetPercent, minRetriesPerWindow } = this.policy();
    const calls = sum(this.calls);
    const retries = sum(this.retries);
    if (retries >= minRetriesPerWindow + Math.floor((calls * budgetPercent) / 100)) return false;
    this.retries[this.current] += 1;
    return true;
  }

  private rotate(): void {
    const bucketMs = this.policy().budgetWindowMs / RetryBudget.BUCKETS;
    const now = this.now();
    const elapsed = Math.floor((now - this.bucketStart) / bucketMs);
    if (elapsed <= 0) return;
    for (let i = 1; i <= Math.min(elapsed, RetryBudget.BUCKETS); i++) {
      const index = (this.current + i) % RetryBudget.BUCKETS;
      this.calls[index] = 0;
      this.retries[index] = 0;
    }
    this.current = (this.current + elapsed) % RetryBudget.BUCKETS;
    this.bucketStart = now - ((now - this.bucketStart) % bucketMs);
  }
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
