import type { ServiceView, SpanView } from '@junction/console-api';
import { SpanStore } from '../traces/span-store';
import type { StoredSpan } from '../traces/stored-span';
import { CallEdges, percentile } from './call-edges';
import { serviceMap } from './service-map';

const TRACE = 'a'.repeat(32);
let nextId = 1;

function span(overrides: Partial<SpanView> & { durationMs?: number } = {}): StoredSpan {
  const { durationMs = 10, ...view } = overrides;
  return {
    traceId: TRACE,
    view: {
      spanId: (nextId++).toString(16).padStart(16, '0'),
      parentSpanId: '',
      name: 'call',
      kind: 'CLIENT',
      service: 'gateway',
      startTimeUnixNano: '0',
      endTimeUnixNano: '0',
      status: { code: 'UNSET' },
      attributes: {},
      events: [],
      ...view,
    },
    startMs: 0,
    endMs: durationMs,
  };
}

const instance = (id: string, status: 'passing' | 'critical') => ({
  id,
  address: '127.0.0.1',
  port: 1,
  meta: {},
  status,
  checks: [],
});

describe('the service map', () => {
  let now = 1_000_000;
  const store = new SpanStore(1000);
  const calls = new CallEdges(store, 60, () => now);
  const ingest = (spans: StoredSpan[]) => {
    store.add(spans);
    calls.record(spans);
  };
  const services: ServiceView[] = [
    { name: 'gateway', instances: [instance('g1', 'passing')] },
    { name: 'catalog', instances: [instance('c1', 'passing'), instance('c2', 'critical')] },
    { name: 'reviews', instances: [instance('r1', 'critical')] },
  ];

  it('draws caller → peer.service, else → the service of the SERVER span that answered', () => {
    ingest([span({ attributes: { 'peer.service': 'reviews' }, status: { code: 'ERROR' } })]);
    const client = span({ durationMs: 30 });
    ingest([client]);
    // The callee's SERVER span comes later, from another process.
    ingest([span({ kind: 'SERVER', service: 'catalog', parentSpanId: client.view.spanId })]);
    ingest([span({ attributes: { 'peer.service': 'catalog' }, durationMs: 50 })]);
    // Neither named nor answered: no edge.
    ingest([span({ attributes: { 'rpc.service': 'catalog.v1.CatalogService' } })]);

    const map = serviceMap(services, calls);
    expect(map.edges).toEqual([
      { from: 'gateway', to: 'catalog', rate: 2 / 60, errorRatio: 0, p99Ms: 50 },
      { from: 'gateway', to: 'reviews', rate: 1 / 60, errorRatio: 1, p99Ms: 10 },
    ]);
    expect(map.windowSeconds).toBe(60);
  });

  it('marks nodes passing, warning (some instances down) or critical (none up)', () => {
    expect(serviceMap(services, calls).nodes).toEqual([
      { name: 'catalog', instances: 2, status: 'warning' },
      { name: 'gateway', instances: 1, status: 'passing' },
      { name: 'reviews', instances: 1, status: 'critical' },
    ]);
  });

  it('forgets calls older than the window', () => {
    now += 61_000;
    expect(serviceMap(services, calls).edges).toEqual([]);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 0.99)).toBe(0);
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.99,
      ),
    ).toBe(99);
  });
});
