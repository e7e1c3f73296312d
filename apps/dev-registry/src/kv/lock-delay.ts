import type { RegistryClock } from '../time/registry-clock';

/** Consul's MaxLockDelay: a session's LockDelay is clamped to this when applied. */
export const MAX_LOCK_DELAY_NS = 60e9;

/**
 * Lock-delay windows: after a session holding a key is invalidated, the key
 * cannot be acquired for the session's LockDelay (state/delay.go). Kept on
 * the registry clock so the test time scale shortens them too.
 */
export class LockDelays {
  private readonly windows = new Map<string, NodeJS.Timeout>();

  constructor(private readonly clock: RegistryClock) {}

  /** Starts (or restarts) a window of `delayNs` on `key`. */
  start(key: string, delayNs: number): void {
    const ms = Math.min(delayNs, MAX_LOCK_DELAY_NS) / 1e6;
    if (ms <= 0) return;
    clearTimeout(this.windows.get(key));
    this.windows.set(
      key,
      this.clock.after(ms, () => this.windows.delete(key)),
    );
  }

  /** True while `key` is inside a window, so ?acquire answers false. */
  active(key: string): boolean {
    return this.windows.has(key);
  }

  close(): void {
    for (const timer of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
  }
}
