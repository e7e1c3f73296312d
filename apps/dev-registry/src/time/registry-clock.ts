/**
 * The registry's sense of time. Consul's timings are the default (scale 1);
 * tests may pass an explicit scale (e.g. 0.01) so that a 1-minute
 * DeregisterCriticalServiceAfter or a 10 s session TTL plays out in
 * milliseconds. The scale applies to schedules (intervals, TTLs, reaping,
 * lock-delays, blocking waits), never to network timeouts of probes.
 */
export class RegistryClock {
  constructor(readonly scale = 1) {
    if (!(scale > 0 && scale <= 1)) throw new Error(`time scale must be in (0, 1], got ${scale}`);
  }

  /** Wall-clock milliseconds for a duration of `ms` registry milliseconds. */
  real(ms: number): number {
    return ms * this.scale;
  }

  now(): number {
    return Date.now();
  }

  /** A timer of `ms` registry milliseconds; unref'd so it never keeps the process alive alone. */
  after(ms: number, fn: () => void): NodeJS.Timeout {
    return setTimeout(fn, Math.max(0, this.real(ms))).unref();
  }

  every(ms: number, fn: () => void): NodeJS.Timeout {
    return setInterval(fn, Math.max(1, this.real(ms))).unref();
  }
}
