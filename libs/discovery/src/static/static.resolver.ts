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

  /**
   * Reads `UPSTREAM_<SERVICE>=host:port[,host:port…]` for each service named,
   * e.g. `UPSTREAM_CATALOG=127.0.0.1:9101`.
   */
  static fromEnv(
    services: readonly string[],
    env: Readonly<Record<string, string | undefined>>,
  ): StaticResolver {
    const addresses: Record<string, string[]> = {};
    for (const service of services) {
      const variable = `UPSTREAM_${service.toUpperCase().replace(/-/g, '_')}`;
      const value = env[variable];
      if (!value) throw new Error(`${variable} is not set (host:port of ${service})`);
      addresses[service] = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    }
    return new StaticResolver(addresses);
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
