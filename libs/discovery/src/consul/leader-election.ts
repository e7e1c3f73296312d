import { setTimeout as delay } from 'node:timers/promises';
import { nextIndex } from './blocking-index';
import type { LeaderRegistry, LockState } from './leader-registry.port';
import { LeaderSession, type SessionLoss } from './leader-session';
import { retryDelay, type LeaderTiming } from './leader-timing';

/** Why this instance stopped leading. */
export type DemotionReason =
  | SessionLoss
  /** The key no longer names our session (deleted or released by someone else). */
  | 'lock-lost'
  /** stop() was called. */
  | 'stopped';

export interface LeaderElectionOptions {
  readonly registry: LeaderRegistry;
  /** The lock key, e.g. `junction/leader/orders-expiry`. */
  readonly key: string;
  /** Written as the key's value while this instance leads (who the leader is). */
  readonly identity: string;
  readonly timing: LeaderTiming;
  /** Called once each time this instance becomes leader. */
  readonly onElected?: () => void;
  /**
   * Called once each time it stops leading. On stop() the lock is released
   * only after the returned promise settles, so work can finish first; on a
   * loss the lock is already gone, so stop the work at once.
   */
  readonly onDemoted?: (reason: DemotionReason) => void | Promise<void>;
  readonly onError?: (message: string, error: unknown) => void;
  readonly random?: () => number;
  /** Injectable for tests; default: a real, abortable timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Leader election by Consul's recipe (session + `?acquire`): every
 * candidate holds a TTL session and tries to acquire `key` with it; the one
 * that gets `true` leads until its session is lost or it stops. Followers
 * block on the key and try again when it has no holder (expect refusals
 * while a lock-delay runs after an invalidation: they are retried with a
 * bounded backoff). A lost session means a new one, and a new campaign.
 */
export class LeaderElection {
  private leading = false;
  private readonly stopper = new AbortController();
  private running?: Promise<void>;

  constructor(private readonly options: LeaderElectionOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** Starts campaigning (once). */
  start(): void {
    this.running ??= this.run();
  }

  /** Steps down (onDemoted first), releases the lock (no lock-delay) and destroys the session. */
  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { registry, key, timing } = this.options;
    let failures = 0;
    while (!this.stopper.signal.aborted) {
      let session: LeaderSession;
      try {
        session = await LeaderSession.open({
          registry,
          name: `${key} leader`,
          timing,
          onError: this.options.onError,
        });
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.('could not create a leader session', error);
        await this.sleep(
          retryDelay(failures, timing.backoff, this.options.random),
          this.stopper.signal,
        );
        continue;
      }
      // Demote the moment the session is lost, not when the loop notices.
      void session.lost.then((reason) => this.demote(reason));
      await this.campaign(session);
      if (this.stopper.signal.aborted) {
        await this.demote('stopped');
        // Always: an acquire may have succeeded as stop() came in.
        await registry
          .release(key, session.id, timing.requestTimeoutMs)
          .catch((error) => this.options.onError?.('could not release the leader lock', error));
      }
      // A lost session may still exist (renewals unconfirmed, not refused):
      // destroying it frees the lock for the others.
      await session.close();
    }
  }

  /** Until the session is lost or stop() is called. */
  private async campaign(session: LeaderSession): Promise<void> {
    const { timing, random } = this.options;
    const signal = AbortSignal.any([session.signal, this.stopper.signal]);
    const state: CampaignState = { index: 0n, holder: undefined, refusedFree: 0 };
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (this.leading) await this.hold(session, state, signal);
        else await this.follow(session, state, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        this.options.onError?.('leader election: registry call failed', error);
        await this.sleep(retryDelay(failures, timing.backoff, random), signal);
      }
    }
  }

  /** One round as follower: try to acquire; if refused, wait for the key to change. */
  private async follow(session: LeaderSession, state: CampaignState, signal: AbortSignal) {
    const { registry, key, identity, timing, random } = this.options;
    if (await registry.acquire(key, session.id, identity, timing.requestTimeoutMs)) {
      if (signal.aborted) return;
      state.refusedFree = 0;
      this.elect();
      return;
    }
    // Refused. If the key was free when we last looked, read at once (did
    // someone else just take it?), else block until it changes.
    const read = await this.read(state.holder === undefined ? 0n : state.index, signal);
    state.index = nextIndex(state.index, read.index);
    state.holder = read.holder;
    if (read.holder !== undefined) {
      state.refusedFree = 0;
      return;
    }
    // Free, yet refused: a lock-delay window. Wait it out in bounded steps.
    state.refusedFree += 1;
    await this.sleep(retryDelay(state.refusedFree, timing.freeLockRetry, random), signal);
  }

  /** One round as leader: block on the key; step down if it no longer names our session. */
  private async hold(session: LeaderSession, state: CampaignState, signal: AbortSignal) {
    const read = await this.read(state.index, signal);
    state.index = nextIndex(state.index, read.index);
    state.holder = read.holder;
    if (read.holder === session.id) return;
    // Released or deleted under us. If the session is what went, that is the
    // reason (a 404 marks it lost and demotes); else only the lock was taken.
    const alive = await session.check().catch(() => true);
    if (alive) await this.demote('lock-lost');
  }

  /** A read of the key; a blocking read that came back at once unchanged earns a pause (no spin). */
  private async read(index: bigint, signal: AbortSignal): Promise<LockState> {
    const { registry, key, timing } = this.options;
    const started = Date.now();
    const state = await registry.readLock(key, {
      index,
      wait: timing.wait,
      timeoutMs: timing.readTimeoutMs,
      signal,
    });
    if (index > 0n && state.index === index && Date.now() - started < MIN_READ_INTERVAL_MS) {
      await this.sleep(MIN_READ_INTERVAL_MS, signal);
    }
    return state;
  }

  private elect(): void {
    this.leading = true;
    try {
      this.options.onElected?.();
    } catch (error) {
      this.options.onError?.('onElected failed', error);
    }
  }

  private async demote(reason: DemotionReason): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    try {
      await this.options.onDemoted?.(reason);
    } catch (error) {
      this.options.onError?.('onDemoted failed', error);
    }
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return (this.options.sleep ?? pause)(ms, signal);
  }
}

interface CampaignState {
  /** Index of the last read of the key. */
  index: bigint;
  /** Its holder then (undefined: free or gone, or not read yet). */
  holder: string | undefined;
  /** Refused acquires in a row while the key was free. */
  refusedFree: number;
}

/** The shortest time between two blocking reads that change nothing. */
const MIN_READ_INTERVAL_MS = 100;

const pause = (ms: number, signal: AbortSignal) =>
  delay(ms, undefined, { signal }).catch(() => undefined);
