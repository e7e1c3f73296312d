import type { ServiceInstance } from '../service-resolver.port';

/**
 * How a call to the picked instance ended: 'unreachable' means it could not
 * be reached at all (refused or dropped before any response), as opposed to
 * 'failed', an answer that was an error.
 */
export type CallOutcome = 'ok' | 'failed' | 'unreachable';

/**
 * Chooses the instance for one call among the live ones. The invoker calls
 * `onStart` before and `onEnd` after every call to a picked instance, so
 * load-aware balancers can count what is outstanding; stateless ones leave
 * the hooks out.
 */
export interface Balancer {
  /** `key` asks for affinity (same key, same instance); balancers without it ignore it. */
  pick(instances: readonly ServiceInstance[], key?: string): ServiceInstance | undefined;
  onStart?(instance: ServiceInstance): void;
  onEnd?(instance: ServiceInstance, outcome: CallOutcome): void;
}
