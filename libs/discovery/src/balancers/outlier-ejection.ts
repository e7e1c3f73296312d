import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer, CallOutcome } from './balancer.port';
import {
  settingsOf,
  type HoldReason,
  type OutlierEjectionOptions,
  type OutlierEjectionSettings,
} from './outlier-ejection.options';

export interface OutlierEjectionDeps {
  /** Read at every decision, so a config change applies to the next call. */
  readonly options?: () => OutlierEjectionOptions;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
}

/** An instance out of the pick, and until when (epoch ms). */
export interface OutlierHold {
  readonly instanceId: string;
  readonly reason: HoldReason;
  readonly untilMs: number;
}

interface Ejection {
  readonly reason: 'unreachable' | 'failures';
  readonly at: number;
  /** Infinity for 'unreachable': it waits for the registry, within maxEjectionMs. */
  readonly until: number;
  /** Seen missing from the resolver's list since the ejection. */
  left: boolean;
}

/**
 * Wraps a balancer and keeps unhealthy instances out of its pick:
 * - 'unreachable' ejects at once, until the registry drops the instance and
 *   lists it again (it restarted) or maxEjectionMs passes;
 * - `consecutiveFailures` failed answers in a row eject it for
 *   baseEjectionMs × k (capped), k counting its recent ejections. k drops by
 *   one for each k × baseEjectionMs it then goes without being ejected, so an
 *   instance that keeps failing stays out longer, one that recovered is soon
 *   trusted again. Failures never eject more than `maxEjectionPercent` of the
 *   listed instances: a fleet-wide fault must not empty the pool;
 * - a pushback pauses the instance for as long as it asked (capped),
 *   whatever the floor: it said it is overloaded. When every instance is
 *   paused the pick is empty and the caller fails fast instead of piling on.
 * When all that are not paused are ejected, it tries them all: a call is the
 * only way to learn an outage ended, and one that succeeds ends an
 * 'unreachable' ejection. The list is seen only when picking, so
 * all timing is judged then, without timers. State belongs to one upstream.
 */
const NO_OPTIONS: OutlierEjectionOptions = {};

export class OutlierEjection implements Balancer {
  private readonly ejections = new Map<string, Ejection>();
  private readonly pauses = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  /** k and when the last ejection for failures ended, per instance. */
  private readonly multipliers = new Map<string, { k: number; endedAt: number }>();
  private listed: readonly ServiceInstance[] = [];
  private readonly options: () => OutlierEjectionOptions;
  private readonly now: () => number;
  private seenOptions?: OutlierEjectionOptions;
  private filled = settingsOf({});

  constructor(
    private readonly inner: Balancer,
    deps: OutlierEjectionDeps = {},
  ) {
    this.options = deps.options ?? (() => NO_OPTIONS);
    this.now = deps.now ?? Date.now;
  }

  pick(
    instances: readonly ServiceInstance[],
    key?: string,
    avoid?: ReadonlySet<string>,
  ): ServiceInstance | undefined {
    this.listed = instances;
    if (this.ejections.size > 0 || this.pauses.size > 0) {
      this.review(instances, this.now(), this.settings(this.options()));
    }
    const open =
      this.pauses.size === 0 ? instances : instances.filter((i) => !this.pauses.has(i.id));
    if (open.length === 0) return undefined;
    const live = this.ejections.size === 0 ? open : open.filter((i) => !this.ejections.has(i.id));
    const candidates = live.length > 0 ? live : open;
    // A retry goes to an instance not yet tried while one remains.
    const untried = avoid?.size ? candidates.filter((i) => !avoid.has(i.id)) : candidates;
    return this.inner.pick(untried.length > 0 ? untried : candidates, key);
  }

  onStart(instance: ServiceInstance): void {
    this.inner.onStart?.(instance);
  }

  onEnd(instance: ServiceInstance, outcome: CallOutcome, pushbackMs?: number): void {
    this.inner.onEnd?.(instance, outcome, pushbackMs);
    const id = instance.id;
    const now = this.now();
    const options = this.options();
    const settings = this.settings(options);
    const ejection = this.active(id, now, settings);
    // The instance answered and said how long to wait: that, not a count.
    if (pushbackMs !== undefined && pushbackMs > 0) {
      const until = now + Math.min(pushbackMs, settings.maxEjectionMs);
      if (until <= (this.pauses.get(id) ?? 0)) return;
      this.pauses.set(id, until);
      options.onEject?.(id, 'pushback', until);
    } else if (outcome === 'ok') {
      this.failures.delete(id);
      // It answered, so it can be reached: that outage is over.
      if (ejection?.reason === 'unreachable') this.end(id, ejection, now);
    } else if (outcome === 'unreachable') {
      if (ejection?.reason !== 'unreachable') this.eject(id, 'unreachable', now, options, settings);
    } else if (!ejection) {
      // Failures of calls still in flight at an ejection don't extend it.
      this.countFailure(id, now, options, settings);
    }
  }

  /**
   * The options with their gaps filled, worked out again only when the
   * options object changes (live config hands out the same one until then):
   * onEnd runs on every call.
   */
  private settings(options: OutlierEjectionOptions): OutlierEjectionSettings {
    if (options !== this.seenOptions) {
      this.seenOptions = options;
      this.filled = settingsOf(options);
    }
    return this.filled;
  }

  /** Instances out of the pick now, with why and until when; for logs and tests. */
  state(): OutlierHold[] {
    const now = this.now();
    const { maxEjectionMs } = this.settings(this.options());
    const holds: OutlierHold[] = [];
    for (const [instanceId, e] of this.ejections) {
      const untilMs = Math.min(e.until, e.at + maxEjectionMs);
      if (untilMs > now) holds.push({ instanceId, reason: e.reason, untilMs });
    }
    for (const [instanceId, untilMs] of this.pauses)
      if (untilMs > now) holds.push({ instanceId, reason: 'pushback', untilMs });
    return holds;
  }

  private countFailure(
    id: string,
    now: number,
    options: OutlierEjectionOptions,
    settings: OutlierEjectionSettings,
  ): void {
    const count = (this.failures.get(id) ?? 0) + 1;
    const due = settings.consecutiveFailures > 0 && count >= settings.consecutiveFailures;
    if (!due || !this.roomToEject(id, now, settings)) {
      this.failures.set(id, count);
      return;
    }
    this.failures.delete(id);
    const k = this.nextMultiplier(id, now, settings);
    const until = now + Math.min(settings.baseEjectionMs * k, settings.maxEjectionMs);
    this.multipliers.set(id, { k, endedAt: until });
    this.eject(id, 'failures', now, options, settings, until);
  }

  private eject(
    id: string,
    reason: Ejection['reason'],
    now: number,
    options: OutlierEjectionOptions,
    settings: OutlierEjectionSettings,
    until = Infinity,
  ): void {
    this.ejections.set(id, { reason, at: now, until, left: false });
    options.onEject?.(id, reason, Math.min(until, now + settings.maxEjectionMs));
  }

  /** The floor: failures may eject at most maxEjectionPercent of the last list, at least one of two. */
  private roomToEject(id: string, now: number, settings: OutlierEjectionSettings): boolean {
    const listed = this.listed.length;
    if (listed < 2) return false;
    const allowed = Math.max(1, Math.floor((listed * settings.maxEjectionPercent) / 100));
    let ejected = 0;
    for (const other of this.listed)
      if (other.id !== id && this.active(other.id, now, settings)) ejected++;
    return ejected < allowed;
  }

  /** k for a new ejection: one more than the last, less one per quiet period since. */
  private nextMultiplier(id: string, now: number, settings: OutlierEjectionSettings): number {
    const period = (k: number) => Math.min(settings.baseEjectionMs * k, settings.maxEjectionMs);
    const last = this.multipliers.get(id);
    let k = last?.k ?? 0;
    let quiet = last ? now - last.endedAt : 0;
    while (k > 0 && quiet >= period(k)) {
      quiet -= period(k);
      k--;
    }
    return Math.min(k + 1, Math.ceil(settings.maxEjectionMs / settings.baseEjectionMs));
  }

  /** The ejection of `id` if it still holds; an expired one is dropped. */
  private active(id: string, now: number, settings: OutlierEjectionSettings): Ejection | undefined {
    const ejection = this.ejections.get(id);
    if (!ejection || now < Math.min(ejection.until, ejection.at + settings.maxEjectionMs))
      return ejection;
    this.end(id, ejection, now);
    return undefined;
  }

  private end(id: string, ejection: Ejection, now: number): void {
    this.ejections.delete(id);
    const multiplier = this.multipliers.get(id);
    if (ejection.reason === 'failures' && multiplier)
      multiplier.endedAt = Math.min(multiplier.endedAt, now);
  }

  private review(
    instances: readonly ServiceInstance[],
    now: number,
    settings: OutlierEjectionSettings,
  ): void {
    for (const [id, until] of this.pauses) if (until <= now) this.pauses.delete(id);
    if (this.ejections.size === 0) return;
    const listed = new Set(instances.map((i) => i.id));
    for (const id of this.ejections.keys()) {
      const ejection = this.active(id, now, settings);
      if (!ejection) continue;
      if (!listed.has(id)) ejection.left = true;
      else if (ejection.left) this.end(id, ejection, now);
    }
  }
}
