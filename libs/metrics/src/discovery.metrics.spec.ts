import { StaticResolver, type ResolutionState } from '@junction/discovery';
import { Registry } from 'prom-client';
import { discoveryMetrics } from './discovery.metrics';

const valuesOf = async (registry: Registry, name: string) =>
  Object.fromEntries(
    (await registry.getSingleMetric(name)!.get()).values.map((v) => [v.labels.upstream, v.value]),
  );

describe('discovery metrics', () => {
  it('report the instances the resolver holds, and fixed addresses as never stale', async () => {
    const registry = new Registry();
    const resolver = new StaticResolver({
      catalog: ['127.0.0.1:1', '127.0.0.1:2'],
      reviews: [],
    });
    discoveryMetrics(registry, { resolver, upstreams: ['catalog', 'reviews'] });
    expect(await valuesOf(registry, 'junction_discovery_instances')).toEqual({
      catalog: 2,
      reviews: 0,
    });
    expect(await valuesOf(registry, 'junction_discovery_staleness_seconds')).toEqual({
      catalog: 0,
      reviews: 0,
    });
  });

  it('report seconds since the last registry answer once reads fail, or since start when none came', async () => {
    let now = 100_000;
    const states: Record<string, ResolutionState> = {
      catalog: { status: 'stale', lastSuccessAt: 95_000 },
      reviews: { status: 'unknown' },
      // Answered a while ago, its next blocking read still waiting: current.
      orders: { status: 'ok', lastSuccessAt: 80_000 },
    };
    const registry = new Registry();
    discoveryMetrics(registry, {
      // The resolver's port, read at scrape time.
      resolver: { instances: () => [], state: (service) => states[service]! },
      upstreams: ['catalog', 'reviews', 'orders'],
      now: () => now,
    });
    now = 102_500;
    expect(await valuesOf(registry, 'junction_discovery_staleness_seconds')).toEqual({
      catalog: 7.5,
      reviews: 2.5,
      orders: 0,
    });
  });
});
