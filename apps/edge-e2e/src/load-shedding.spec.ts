import { waitUntil } from '@junction/testing';
import { GATEWAY_PORTS, STALLED_UPSTREAM_PORT } from './support/edge-ports';
import { logLines, startGateway, type RunningGateway } from './support/gateway';
import { get } from './support/http';
import { startStalledUpstream, type StalledUpstream } from './support/stalled-upstream';

const MAX_IN_FLIGHT = 4;
const stalled = `127.0.0.1:${STALLED_UPSTREAM_PORT}`;

describe('load shedding', () => {
  let upstream: StalledUpstream;
  let gateway: RunningGateway;

  beforeAll(async () => {
    upstream = await startStalledUpstream(STALLED_UPSTREAM_PORT);
    gateway = await startGateway(GATEWAY_PORTS.shedding, {
      DISCOVERY: 'static',
      UPSTREAM_CATALOG: stalled,
      UPSTREAM_INVENTORY: stalled,
      UPSTREAM_REVIEWS: stalled,
      UPSTREAM_ORDERS: stalled,
      UPSTREAM_TIMEOUT_MS: '15000',
      SHED_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
      SHED_LAG_SAMPLE_MS: '100',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('answers a fast 503 with Retry-After while too many requests are in flight, keeps health up, and recovers', async () => {
    const held = Array.from({ length: MAX_IN_FLIGHT }, (_, i) =>
      get(`${gateway.url}/api/v1/products/${i + 1}`),
    );
    await waitUntil(
      () => upstream.calls.filter((path) => path.endsWith('/GetProduct')).length >= MAX_IN_FLIGHT,
      { what: 'the held requests waiting on the stalled catalog' },
    );

    const shed = await get(`${gateway.url}/docs/json`);
    expect(shed.status).toBe(503);
    expect(shed.ms).toBeLessThan(100);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(shed.body).toMatchObject({ status: 503, reason: 'OVERLOADED' });
    expect(shed.body.traceId).toBe(shed.headers.get('x-trace-id'));
    expect((await get(`${gateway.url}/api/v1/products/9`)).status).toBe(503);

    for (const path of ['/healthz', '/readyz']) {
      expect((await get(`${gateway.url}${path}`)).status).toBe(200);
    }
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/junction_gateway_shed_total\{reason="in_flight"\} 2/);

    upstream.release();
    await Promise.all(held);
    await waitUntil(async () => (await get(`${gateway.url}/docs/json`)).status === 200, {
      what: 'requests admitted again',
    });
    await waitUntil(() => logLines(gateway, 'load shedding stopped').length > 0, {
      what: 'the end of shedding logged',
    });
    expect(logLines(gateway, 'overloaded, shedding requests')).toHaveLength(1);
  });
});
