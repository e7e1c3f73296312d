import type { ServiceInstance } from '../service-resolver.port';

/** Chooses the instance for one call among the live ones. */
export interface Balancer {
  pick(instances: readonly ServiceInstance[]): ServiceInstance | undefined;
}
