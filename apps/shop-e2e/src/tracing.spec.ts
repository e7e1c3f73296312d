import { sharedApiKeyHeader, waitUntil, type ReceivedSpan } from '@junction/testing';
import { subjectHash } from '@junction/auth';
import { randomBytes, randomUUID } from 'node:crypto';
import { OTLP_RECEIVER } from './support/e2e-ports';
import { http } from './support/http';

const SERVER = 2;
const CLIENT = 3;

const spansOf = async (traceId: string): Promise<ReceivedSpan[]> =>
  (await fetch(`${OTLP_RECEIVER}/spans?traceId=${traceId}`)).json() as Promise<ReceivedSpan[]>;

const find = (spans: ReceivedSpan[], service: string, kind: number, name: string) =>
  spans.find((s) => s.service === service && s.kind === kind && s.name === name);

describe('trace propagation', () => {
  it('carries one trace from the HTTP edge through orders to catalog and inventory', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const res = await http('/api/v1/orders', {
      method: 'POST',
      headers: {
        ...sharedApiKeyHeader(),
        'idempotency-key': randomUUID(),
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: { items: [{ productId: '20', quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-trace-id')).toBe(traceId);

    const spans = await waitUntil(
      async () => {
        const got = await spansOf(traceId);
        const services = new Set(got.map((s) => s.service));
        return ['gateway', 'orders', 'catalog', 'inventory'].every((s) => services.has(s)) &&
          got.length >= 7
          ? got
          : undefined;
      },
      { timeoutMs: 10_000, what: 'spans from all four processes' },
    );

    const edge = spans.find((s) => s.service === 'gateway' && s.kind === SERVER)!;
    expect(edge.name).toBe('POST /api/v1/orders');
    expect(edge.parentSpanId).toBe(callerSpanId);

    const toOrders = find(spans, 'gateway', CLIENT, 'orders.v1.OrdersService/CreateOrder')!;
    const inOrders = find(spans, 'orders', SERVER, 'orders.v1.OrdersService/CreateOrder')!;
    expect(toOrders.parentSpanId).toBe(edge.spanId);
    expect(inOrders.parentSpanId).toBe(toOrders.spanId);

    const toCatalog = find(spans, 'orders', CLIENT, 'catalog.v1.CatalogService/BatchGetProducts')!;
    const inCatalog = find(spans, 'catalog', SERVER, 'catalog.v1.CatalogService/BatchGetProducts')!;
    expect(toCatalog.parentSpanId).toBe(inOrders.spanId);
    expect(inCatalog.parentSpanId).toBe(toCatalog.spanId);

    const toInventory = find(spans, 'orders', CLIENT, 'inventory.v1.InventoryService/Reserve')!;
    const inInventory = find(spans, 'inventory', SERVER, 'inventory.v1.InventoryService/Reserve')!;
    expect(toInventory.parentSpanId).toBe(inOrders.spanId);
    expect(inInventory.parentSpanId).toBe(toInventory.spanId);

    // Whom the request was for reached every hop, as a pseudonym only.
    for (const span of [edge, inOrders, inCatalog, inInventory]) {
      expect(span.attributes['enduser.id']).toBe(subjectHash('e2e'));
    }
    expect(JSON.stringify(spans)).not.toContain(sharedApiKeyHeader()['x-api-key']);
  });

  it('continues an unsampled incoming trace id without recording it', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await http('/api/v1/products/3', {
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-00` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-trace-id')).toBe(traceId);
  });

  it.each([
    'garbage',
    `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`,
    `00-${'a'.repeat(31)}-${'1'.repeat(16)}-01`,
  ])('ignores a malformed traceparent %s and starts a new trace', async (traceparent) => {
    const res = await http('/api/v1/products/4', { headers: { traceparent } });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-trace-id');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toBe('0'.repeat(32));
    expect(traceparent).not.toContain(id);
  });

  it('returns a trace id on error responses too', async () => {
    for (const path of ['/api/v1/products/abc', '/api/v1/products/5000', '/no/such/route']) {
      const res = await http(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
