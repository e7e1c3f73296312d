import type { ServiceResolver } from '@junction/discovery';
import { Gauge, type Registry } from 'prom-client';

export interface DiscoveryMetricsOptions {
  /** The resolver the process calls its upstreams through. */
  readonly resolver: Pick<ServiceResolver, 'instances' | 'state'>;
  readonly upstreams: readonly string[];
  /** Injected by tests. */
  readonly now?: () => number;
}

/**
 * What discovery knows, read from the resolver at scrape time: the passing
 * instances it holds per upstream, and how old that knowledge is. While the
 * watch is current (its last read answered and the next blocking read is
 * waiting, to be answered on any change) that is 0; once reads fail, the
 * seconds since the last one that answered; before any answer, the seconds
 * since these metrics were made. Fixed addresses (DISCOVERY=static) are
 * always current.
 */
export function discoveryMetrics(
  registry: Registry,
  { resolver, upstreams, now = Date.now }: DiscoveryMetricsOptions,
): void {
  const since = now();
  new Gauge({
    name: 'junction_discovery_instances',
    help: 'Passing instances the resolver holds, per upstream',
    labelNames: ['upstream'],
    registers: [registry],
    collect() {
      for (const upstream of upstreams) {
        this.set({ upstream }, resolver.instances(upstream).length);
      }
    },
  });
  new Gauge({
    name: 'junction_discovery_staleness_seconds',
    help: 'Seconds since the last successful read of the service registry, per upstream',
    labelNames: ['upstream'],
    registers: [registry],
    collect() {
      const at = now();
      for (const upstream of upstreams) {
        const { status, lastSuccessAt } = resolver.state(upstream);
        const last = status === 'ok' ? at : (lastSuccessAt ?? since);
        this.set({ upstream }, Math.max(0, at - last) / 1000);
      }
    },
  });
}
