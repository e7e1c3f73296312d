import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer, CallOutcome } from './balancer.port';

export interface PassiveEjectionOptions {
  /**
   * The longest an instance stays ejected (default 30 s), so a flaky
   * connection never excludes an instance the registry still vouches for.
   */
  readonly maxEjectionMs?: number;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
}

interface Ejection {
  readonly at: number;
  /** Seen missing from the resolver's list since the ejection. */
  left: boolean;
}

/**
 * Wraps a balancer so an instance that could not be reached is skipped from
 * the next pick on, without waiting for the registry's health check to
 * notice. It comes back once the registry has dropped it and listed it again
 * (its check failed, then passed), or after `maxEjectionMs`. The list is seen
 * only when picking, so a drop and return between two picks is missed; the
 * time limit covers that too. State belongs to the one upstream it wraps.
 */
export class PassiveEjection implements Balancer {
  private readonly ejected = new Map<string, Ejection>();
  private readonly maxEjectionMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: Balancer,
    options: PassiveEjectionOptions = {},
  ) {
    this.maxEjectionMs = options.maxEjectionMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  pick(instances: readonly ServiceInstance[], key?: string): ServiceInstance | undefined {
    if (this.ejected.size === 0) return this.inner.pick(instances, key);
    this.review(instances);
    const live = instances.filter((i) => !this.ejected.has(i.id));
    // All ejected: try them all rather than fail. The registry still lists
    // them as passing, and a call is the only way to learn a blip is over;
    // failing fast here would turn a moment's outage into one that lasts
    // until the time limit.
    return this.inner.pick(live.length > 0 ? live : instances, key);
  }

  onStart(instance: ServiceInstance): void {
    this.inner.onStart?.(instance);
  }

  onEnd(instance: ServiceInstance, outcome: CallOutcome): void {
    if (outcome === 'unreachable') this.ejected.set(instance.id, { at: this.now(), left: false });
    this.inner.onEnd?.(instance, outcome);
  }

  /** Whether `instance` is being skipped; for logs and tests. */
  isEjected(instance: ServiceInstance): boolean {
    return this.ejected.has(instance.id);
  }

  private review(instances: readonly ServiceInstance[]): void {
    const listed = new Set(instances.map((i) => i.id));
    const expired = this.now() - this.maxEjectionMs;
    for (const [id, ejection] of this.ejected) {
      if (ejection.at <= expired) this.ejected.delete(id);
      else if (!listed.has(id)) ejection.left = true;
      else if (ejection.left) this.ejected.delete(id);
    }
  }
}
