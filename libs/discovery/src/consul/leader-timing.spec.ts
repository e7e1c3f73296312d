import { leaderTiming, retryDelay } from './leader-timing';

describe('leaderTiming', () => {
  it("defaults to a 15 s TTL and Consul's 15 s lock-delay, renewing at TTL/3", () => {
    expect(leaderTiming()).toEqual({
      ttl: '15s',
      lockDelay: '15s',
      wait: '30s',
      leaseMs: 15_000,
      renewEveryMs: 5_000,
      renewRetryMs: 1_500,
      requestTimeoutMs: 3_750,
      readTimeoutMs: 33_875,
      backoff: { initialMs: 200, maxMs: 10_000 },
      freeLockRetry: { initialMs: 750, maxMs: 1_000 },
    });
  });

  it('runs its own schedules at the time scale of a scaled registry, sending unscaled durations', () => {
    const timing = leaderTiming({ ttlSeconds: 10, timeScale: 0.05 });
    expect(timing).toMatchObject({ ttl: '10s', lockDelay: '15s', leaseMs: 500 });
    expect(timing.renewEveryMs).toBeCloseTo(166.67, 1);
    // Lock-delay 750 ms: retries from 37.5 ms up to 187.5 ms.
    expect(timing.freeLockRetry).toEqual({ initialMs: 37.5, maxMs: 187.5 });
  });

  it.each([{ ttlSeconds: 5 }, { lockDelaySeconds: 61 }, { timeScale: 0 }])('rejects %p', (bad) => {
    expect(() => leaderTiming(bad)).toThrow(RangeError);
  });
});

describe('retryDelay', () => {
  it('draws from [ceiling/2, ceiling), the ceiling doubling up to the cap', () => {
    const policy = { initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect(retryDelay(1, policy, () => 0.999)).toBe(99);
  });
});
