import { backoffDelay, type BackoffPolicy } from './backoff';

export interface LeaderTimingOptions {
  /** Session TTL; Consul accepts 10 s to 24 h. Default 15. */
  readonly ttlSeconds?: number;
  /** Consul's LockDelay (at most 60 s is applied). Default 15, Consul's own. */
  readonly lockDelaySeconds?: number;
  /** How long one blocking read of the lock key may wait. Default 30. */
  readonly waitSeconds?: number;
  /**
   * Test hook for a time-scaled dev registry (DEV_REGISTRY_TIME_SCALE): the
   * client's own schedules run this much faster too. 1 in production.
   */
  readonly timeScale?: number;
  /** While the registry cannot be reached. Default 200 ms doubling to 10 s. */
  readonly backoff?: BackoffPolicy;
}

/** Every schedule of an election, in real milliseconds unless it is a Go duration. */
export interface LeaderTiming {
  /** Go durations sent to the registry. */
  readonly ttl: string;
  readonly lockDelay: string;
  readonly wait: string;
  /**
   * How long after sending the last renewal that succeeded the session may
   * be trusted: one TTL. Consul destroys a session 2 × TTL after the last
   * renewal it *received* (which is later than we sent it), so a leader that
   * steps down one TTL after its last confirmed renewal stops at least one
   * full TTL before the registry can release the lock, and the lock-delay
   * adds to that before anyone else can acquire it. That margin absorbs a
   * slow job shutdown, timer lateness and clock-rate drift; stepping down at
   * 2 × TTL would leave none.
   */
  readonly leaseMs: number;
  /** Renewal period: TTL/3, so two renewals can fail inside one lease. */
  readonly renewEveryMs: number;
  /** After a failed renewal: TTL/10, so several more tries fit in the lease. */
  readonly renewRetryMs: number;
  /** HTTP timeout of every non-blocking call: TTL/4, so one hung call cannot eat the lease. */
  readonly requestTimeoutMs: number;
  /** HTTP timeout of a blocking read: the wait plus Consul's 1/16 jitter plus a margin. */
  readonly readTimeoutMs: number;
  readonly backoff: BackoffPolicy;
  /**
   * Acquire refused although the key is free: a lock-delay window (or a
   * candidate that just won). Retries start at 1/20 of the lock-delay,
   * doubling up to 1/4 of it, never more than 1 s: the window is waited
   * out without a busy loop and the lock is taken soon after it ends.
   */
  readonly freeLockRetry: BackoffPolicy;
}

export function leaderTiming(options: LeaderTimingOptions = {}): LeaderTiming {
  const {
    ttlSeconds = 15,
    lockDelaySeconds = 15,
    waitSeconds = 30,
    timeScale = 1,
    backoff = { initialMs: 200, maxMs: 10_000 },
  } = options;
  if (!(ttlSeconds >= 10 && ttlSeconds <= 86_400)) {
    throw new RangeError(`session TTL must be 10 s to 24 h, got ${ttlSeconds} s`);
  }
  if (!(lockDelaySeconds >= 0 && lockDelaySeconds <= 60)) {
    throw new RangeError(`lock-delay must be 0 to 60 s, got ${lockDelaySeconds} s`);
  }
  if (!(timeScale > 0 && timeScale <= 1)) {
    throw new RangeError(`time scale must be in (0, 1], got ${timeScale}`);
  }
  const ttlMs = ttlSeconds * 1000 * timeScale;
  const lockDelayMs = lockDelaySeconds * 1000 * timeScale;
  const retryCeiling = Math.max(10, Math.min(1000, lockDelayMs / 4));
  return {
    ttl: `${ttlSeconds}s`,
    lockDelay: `${lockDelaySeconds}s`,
    wait: `${waitSeconds}s`,
    leaseMs: ttlMs,
    renewEveryMs: ttlMs / 3,
    renewRetryMs: ttlMs / 10,
    requestTimeoutMs: ttlMs / 4,
    readTimeoutMs: Math.ceil((waitSeconds * 1000 * timeScale * 17) / 16) + 2000,
    backoff,
    freeLockRetry: {
      initialMs: Math.min(retryCeiling, Math.max(10, lockDelayMs / 20)),
      maxMs: retryCeiling,
    },
  };
}

/**
 * Exponential backoff with "equal jitter": a delay in [c/2, c) for the
 * ceiling c, so retries never come back to back (full jitter can draw ~0).
 */
export function retryDelay(failures: number, policy: BackoffPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(ceiling / 2 + backoffDelay(failures, policy, random) / 2);
}
