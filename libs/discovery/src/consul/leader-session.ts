import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { LeaderRegistry } from './leader-registry.port';
import type { LeaderTiming } from './leader-timing';

/** Why a session stopped being trustworthy. */
export type SessionLoss =
  /** Renewal answered 404: the registry destroyed it (and released its lock). */
  | 'session-invalidated'
  /** No renewal confirmed for a whole lease: it must be assumed gone. */
  | 'renewal-unconfirmed';

export interface LeaderSessionOptions {
  readonly registry: LeaderRegistry;
  readonly name: string;
  readonly timing: LeaderTiming;
  readonly onError?: (message: string, error: unknown) => void;
  /** Monotonic milliseconds; injectable for tests. */
  readonly now?: () => number;
}

/**
 * One registry session, kept alive: renewed every TTL/3, and declared lost
 * (`lost` resolves, `signal` aborts) either when a renewal answers 404 or
 * when no renewal has been confirmed for a lease (see LeaderTiming.leaseMs),
 * whichever comes first. The lease is measured from when a confirmed renewal
 * was *sent*, on a monotonic clock.
 */
export class LeaderSession {
  readonly lost: Promise<SessionLoss>;
  private readonly loss = new AbortController();
  private readonly closing = new AbortController();
  private declareLost!: (reason: SessionLoss) => void;
  private leaseTimer?: NodeJS.Timeout;
  private readonly renewing: Promise<void>;

  /** Creates the session; rejects if the registry cannot. */
  static async open(options: LeaderSessionOptions): Promise<LeaderSession> {
    const { registry, name, timing, now = () => performance.now() } = options;
    const sentAt = now();
    const id = await registry.createSession(
      { name, ttl: timing.ttl, lockDelay: timing.lockDelay },
      timing.requestTimeoutMs,
    );
    return new LeaderSession(id, sentAt, options);
  }

  private constructor(
    readonly id: string,
    createdAt: number,
    private readonly options: LeaderSessionOptions,
  ) {
    this.lost = new Promise((resolve) => (this.declareLost = resolve));
    this.confirmed(createdAt);
    this.renewing = this.renewLoop();
  }

  /** Aborts when the session is lost. */
  get signal(): AbortSignal {
    return this.loss.signal;
  }

  get isLost(): boolean {
    return this.loss.signal.aborted;
  }

  /**
   * Renews now, out of schedule: a lock that vanished may mean the session
   * did. True while the session holds; a 404 marks it lost.
   */
  async check(): Promise<boolean> {
    return this.renew();
  }

  /** Stops renewing and destroys the session (best effort: its TTL would end it anyway). */
  async close(): Promise<void> {
    this.closing.abort();
    clearTimeout(this.leaseTimer);
    await this.renewing;
    try {
      await this.options.registry.destroySession(this.id, this.options.timing.requestTimeoutMs);
    } catch (error) {
      this.options.onError?.('could not destroy the leader session; its TTL will end it', error);
    }
  }

  private async renewLoop(): Promise<void> {
    const { renewEveryMs, renewRetryMs } = this.options.timing;
    let ok = true;
    while (!this.closing.signal.aborted && !this.isLost) {
      await pause(ok ? renewEveryMs : renewRetryMs, this.closing.signal);
      if (this.closing.signal.aborted || this.isLost) break;
      ok = await this.renew().catch(() => false);
    }
  }

  private async renew(): Promise<boolean> {
    if (this.isLost) return false;
    const { registry, timing, now = () => performance.now() } = this.options;
    const sentAt = now();
    try {
      if (await registry.renewSession(this.id, timing.requestTimeoutMs)) {
        this.confirmed(sentAt);
        return true;
      }
      this.lose('session-invalidated');
      return false;
    } catch (error) {
      this.options.onError?.('could not renew the leader session', error);
      throw error;
    }
  }

  /** The lease now runs to sentAt + leaseMs. */
  private confirmed(sentAt: number): void {
    if (this.isLost || this.closing.signal.aborted) return;
    const { timing, now = () => performance.now() } = this.options;
    clearTimeout(this.leaseTimer);
    this.leaseTimer = setTimeout(
      () => this.lose('renewal-unconfirmed'),
      Math.max(0, sentAt + timing.leaseMs - now()),
    );
  }

  private lose(reason: SessionLoss): void {
    if (this.isLost || this.closing.signal.aborted) return;
    clearTimeout(this.leaseTimer);
    this.loss.abort(reason);
    this.declareLost(reason);
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  delay(ms, undefined, { signal }).catch(() => undefined);
