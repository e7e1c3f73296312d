import type { ResolutionState, ServiceInstance, ServiceResolver } from '../service-resolver.port';
import { isHostPort } from './host-port';

/**
 * Fixed addresses per service, from config. For tests and for platforms that
 * do discovery themselves (a Kubernetes Service name, a load balancer).
 */
export class StaticResolver implements ServiceResolver {
  private readonly table: ReadonlyMap<string, readonly ServiceInstance[]>;

  constructor(addresses: Readonly<Record<string, readonly string[]>>) {
    const table = new Map<string, readonly ServiceInstance[]>();
    for (const [service, list] of Object.entries(addresses)) {
      for (const address of list) {
        if (!isHostPort(address)) {
          throw new Error(`upstream ${service}: "${address}" is not host:port`);
        }
      }
      table.set(
        service,
        list.map((address) => ({ id: `${service}@${address}`, address })),
      );
    }
    this.table = table;
  }

  instances(service: string): readonly ServiceInstance[] {
    return this.table.get(service) ?? [];
  }

  /** Configured addresses are as current as they will ever be. */
  state(): ResolutionState {
    return { status: 'ok' };
  }

  async close(): Promise<void> {
    // Nothing runs in the background.
  }
}
