import type { SpanView } from '@junction/console-api';
import { SpanStore } from './span-store';
import type { StoredSpan } from './stored-span';

let nextId = 1;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A span of trace `t` (a small number) starting at `startMs`. */
function span(t: number, startMs: number, overrides: Partial<SpanView> = {}): StoredSpan {
  const durationMs = 10;
  const view: SpanView = {
    spanId: hex(nextId++, 16),
    parentSpanId: '',
    name: 'GET /x',
    kind: 'SERVER',
    service: 'gateway',
    startTimeUnixNano: String(BigInt(startMs) * 1_000_000n),
    endTimeUnixNano: String(BigInt(startMs + durationMs) * 1_000_000n),
    status: { code: 'UNSET' },
    attributes: {},
    events: [],
    ...overrides,
  };
  return { traceId: hex(t, 32), view, startMs, endMs: startMs + durationMs };
}

const child = (parent: StoredSpan, service: string, overrides: Partial<SpanView> = {}) =>
  span(Number.parseInt(parent.traceId, 16), parent.startMs + 1, {
    parentSpanId: parent.view.spanId,
    kind: 'CLIENT',
    service,
    ...overrides,
  });

describe('the span ring', () => {
  it('evicts whole traces, oldest first, once the span count passes capacity, and counts it', () => {
    const store = new SpanStore(4);
    const first = span(1, 1000);
    store.add([first, child(first, 'gateway')]);
    const second = span(2, 2000);
    store.add([second, child(second, 'gateway')]);
    expect(store.stats()).toMatchObject({ spans: 4, traces: 2, evictedSpans: 0, evictedTraces: 0 });

    store.add([span(3, 3000)]);
    expect(store.trace(hex(1, 32))).toBeUndefined();
    expect(store.trace(hex(2, 32))?.spans).toHaveLength(2);
    expect(store.stats()).toMatchObject({ spans: 3, traces: 2, evictedSpans: 2, evictedTraces: 1 });
  });

  it('keeps a span sent twice once', () => {
    const store = new SpanStore(10);
    const root = span(1, 1000);
    store.add([root]);
    store.add([root]);
    expect(store.stats().spans).toBe(1);
    expect(store.trace(root.traceId)?.spans).toHaveLength(1);
  });

  it('keeps the newest spans of a single trace larger than the ring', () => {
    const store = new SpanStore(2);
    const spans = [span(1, 1000), span(1, 2000), span(1, 3000)];
    store.add(spans);
    expect(store.trace(hex(1, 32))?.spans.map((s) => s.spanId)).toEqual([
      spans[1]!.view.spanId,
      spans[2]!.view.spanId,
    ]);
    expect(store.stats()).toMatchObject({ spans: 2, evictedSpans: 1, evictedTraces: 0 });
  });

  it('drops evicted traces from the service and route indexes', () => {
    const store = new SpanStore(1);
    store.add([span(1, 1000, { service: 'orders', attributes: { 'http.route': '/a' } })]);
    store.add([span(2, 2000, { attributes: { 'http.route': '/b' } })]);
    expect(store.list({ service: 'orders', limit: 10 })).toEqual([]);
    expect(store.list({ route: '/a', limit: 10 })).toEqual([]);
    expect(store.list({ route: '/b', limit: 10 }).map((t) => t.traceId)).toEqual([hex(2, 32)]);
  });
});

describe('trace list filters', () => {
  const store = new SpanStore(100);
  const ok = span(1, 1000, {
    attributes: { 'http.route': '/api/v1/products/:id', 'http.response.status_code': 200 },
  });
  const failed = span(2, 2000, {
    attributes: { 'http.route': '/api/v1/orders', 'http.response.status_code': 503 },
  });
  const erroredChild = span(3, 3000, { attributes: { 'http.route': '/api/v1/products/:id' } });
  const degraded = span(4, 4000, {
    attributes: { 'http.route': '/api/v1/products/:id', 'junction.degraded': 'reviews,inventory' },
  });
  const slow = { ...span(5, 5000, { service: 'catalog', kind: 'INTERNAL' }), endMs: 5500 };
  store.add([ok, child(ok, 'catalog'), failed, erroredChild, degraded, slow]);
  store.add([child(erroredChild, 'reviews', { status: { code: 'ERROR', message: 'down' } })]);

  const ids = (list: { traceId: string }[]) => list.map((t) => Number.parseInt(t.traceId, 16));

  it('lists newest first, limited', () => {
    expect(ids(store.list({ limit: 10 }))).toEqual([5, 4, 3, 2, 1]);
    expect(ids(store.list({ limit: 2 }))).toEqual([5, 4]);
  });

  it('filters by service (any span), route (the root’s) and minimum duration', () => {
    expect(ids(store.list({ service: 'catalog', limit: 10 }))).toEqual([5, 1]);
    expect(ids(store.list({ route: '/api/v1/products/:id', limit: 10 }))).toEqual([4, 3, 1]);
    expect(ids(store.list({ minDurationMs: 100, limit: 10 }))).toEqual([5]);
    expect(
      ids(store.list({ service: 'reviews', route: '/api/v1/products/:id', limit: 10 })),
    ).toEqual([3]);
  });

  it('says error for an ERROR span or a 5xx root, degraded for junction.degraded, else ok', () => {
    expect(ids(store.list({ status: 'error', limit: 10 }))).toEqual([3, 2]);
    expect(ids(store.list({ status: 'ok', limit: 10 }))).toEqual([5, 1]);
    const [summary] = store.list({ status: 'degraded', limit: 10 });
    expect(summary).toMatchObject({ traceId: hex(4, 32), degraded: ['reviews', 'inventory'] });
  });

  it('summarizes a trace: root, route, services, span count, duration', () => {
    const [summary] = store.list({ service: 'catalog', route: '/api/v1/products/:id', limit: 1 });
    expect(summary).toEqual({
      traceId: ok.traceId,
      rootName: 'GET /x',
      rootService: 'gateway',
      route: '/api/v1/products/:id',
      startTimeUnixNano: ok.view.startTimeUnixNano,
      durationMs: 11,
      spanCount: 2,
      services: ['catalog', 'gateway'],
      status: 'ok',
      degraded: [],
    });
  });

  it('reports what changed after a cursor, for the live feed', () => {
    const cursor = store.cursor;
    const late = child(ok, 'inventory');
    store.add([late]);
    expect(store.changedSince(cursor, 10).map((t) => t.traceId)).toEqual([ok.traceId]);
    expect(store.changedSince(store.cursor, 10)).toEqual([]);
  });
});
