import type { ServiceInstance } from '../service-resolver.port';

/**
 * How a call to the picked instance ended: 'unreachable' means it could not
 * be reached at all (refused or dropped before any response); 'failed', an
 * answer that says the instance failed (UNAVAILABLE, INTERNAL, …); a
 * business answer such as NOT_FOUND is 'ok' for the instance's health.
 */
export type CallOutcome = 'ok' | 'failed' | 'unreachable';

/**
 * Chooses the instance for one call among the live ones. The invoker calls
 * `onStart` before and `onEnd` after every call to a picked instance, so
 * load-aware balancers can count what is outstanding; stateless ones leave
 * the hooks out.
 */
export interface Balancer {
  /**
   * `key` asks for affinity (same key, same instance); balancers without it
   * ignore it. Undefined when none of `instances` may be called now (say,
   * every one asked callers to back off: see OutlierEjection). `avoid`:
   * instances this logical call already tried (a retry), to be passed over
   * while another remains; `instances` stays the registry's full list.
   */
  pick(
    instances: readonly ServiceInstance[],
    key?: string,
    avoid?: ReadonlySet<string>,
  ): ServiceInstance | undefined;
  onStart?(instance: ServiceInstance): void;
  /** `pushbackMs`: the instance asked callers to hold off this long. */
  onEnd?(instance: ServiceInstance, outcome: CallOutcome, pushbackMs?: number): void;
}
