import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer } from './balancer.port';

/** Each call to the next instance in turn. */
export class RoundRobinBalancer implements Balancer {
  private next = 0;

  pick(instances: readonly ServiceInstance[]): ServiceInstance | undefined {
    if (instances.length === 0) return undefined;
    const instance = instances[this.next % instances.length];
    this.next = (this.next + 1) % Number.MAX_SAFE_INTEGER;
    return instance;
  }
}
