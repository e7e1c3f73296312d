// The console against a real dev registry (a child process; build it first:
// npx nx run dev-registry:build) and a real metrics endpoint with the
// families the apps expose (libs/metrics), registered as a gateway would.
import type { ServicesView, RouteRed, EdgeView } from '@junction/console-api';
import {
  GatewayEdgeMetrics,
  processRegistry,
  startMetricsServer,
  UpstreamMetrics,
  type MetricsServer,
} from '@junction/metrics';
import { putKv, runDevRegistry, waitUntil, type RunningDevRegistry } from '@junction/testing';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole } from '../console.fixture';

jest.setTimeout(30_000);

describe('the platform as the console reads it', () => {
  let registry: RunningDevRegistry;
  let metrics: MetricsServer;
  let consoleApp: RunningConsole;
  const promRegistry = processRegistry();
  const upstream = new UpstreamMetrics(promRegistry);
  const edge = new GatewayEdgeMetrics(promRegistry);

  const register = async (definition: object) => {
    const res = await fetch(`${registry.address}/v1/agent/service/register`, {
      method: 'PUT',
      body: JSON.stringify(definition),
    });
    expect(res.status).toBe(200);
  };
  const get = async <T>(path: string): Promise<T> =>
    (await send(consoleApp.url, { path })).json<T>();

  beforeAll(async () => {
    registry = await runDevRegistry({ port: 23290, env: { LOG_LEVEL: 'warn' } });
    upstream.breakerState.set({ upstream: 'reviews', method: 'GetSummary' }, 2);
    upstream.breakerState.set({ upstream: 'catalog', method: 'GetProduct' }, 0);
    metrics = await startMetricsServer({ registry: promRegistry, host: '127.0.0.1', port: 0 });
    await register({
      ID: 'gateway-1',
      Name: 'gateway',
      Address: '127.0.0.1',
      Port: 8080,
      Meta: { metrics_port: String(metrics.port), http_port: '8080' },
      Check: { CheckID: 'gateway-1-ttl', Name: 'alive', TTL: '60s', Status: 'passing' },
    });
    await register({
      ID: 'catalog-1',
      Name: 'catalog',
      Address: '127.0.0.1',
      Port: 9101,
      Check: { CheckID: 'catalog-1-ttl', Name: 'serving', TTL: '60s', Status: 'critical' },
    });
    await putKv(registry.address, 'junction/breakers/reviews', { state: 'open' });
    consoleApp = await startTestConsole({ CONSUL_HTTP_ADDR: registry.address });
  });
  afterAll(async () => {
    await consoleApp?.close();
    await metrics?.close();
    await registry?.stop();
  });

  it('lists services, instances and their checks from the registry', async () => {
    const view = await waitUntil(
      async () => {
        const services = await get<ServicesView>('/api/services');
        return services.breakers.length > 0 ? services : undefined;
      },
      { what: 'a registry read with breakers' },
    );
    expect(view.registryError).toBeUndefined();
    const gateway = view.services.find((s) => s.name === 'gateway');
    expect(gateway?.instances).toEqual([
      expect.objectContaining({
        id: 'gateway-1',
        address: '127.0.0.1',
        port: 8080,
        metricsPort: metrics.port,
        status: 'passing',
        meta: { metrics_port: String(metrics.port), http_port: '8080' },
        // The node's own check counts for its instances, as in Consul.
        checks: [
          { name: 'Serf Health Status', status: 'passing', output: expect.any(String) },
          { name: 'alive', status: 'passing', output: '' },
        ],
      }),
    ]);
    const catalog = view.services.find((s) => s.name === 'catalog');
    expect(catalog?.instances[0]).toMatchObject({
      status: 'critical',
      checks: [{ status: 'passing' }, { name: 'serving', status: 'critical' }],
    });
  });

  it('shows each caller’s breakers per upstream method, with what KV forces', async () => {
    const view = await get<ServicesView>('/api/services');
    expect(view.breakers).toEqual([
      {
        caller: 'gateway',
        callerInstance: 'gateway-1',
        upstream: 'catalog',
        method: 'GetProduct',
        state: 'closed',
        forced: 'auto',
      },
      {
        caller: 'gateway',
        callerInstance: 'gateway-1',
        upstream: 'reviews',
        method: 'GetSummary',
        state: 'open',
        forced: 'open',
      },
    ]);
  });

  it('serves Prometheus HTTP-SD targets: passing instances with a metrics port', async () => {
    const res = await send(consoleApp.url, { path: '/api/prometheus/targets' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([
      {
        targets: [`127.0.0.1:${metrics.port}`],
        labels: { service: 'gateway', instance: 'gateway-1' },
      },
    ]);
  });

  it('derives per-route RED from the gateway’s request-duration histogram', async () => {
    const labels = { http_request_method: 'GET', http_route: '/api/v1/products/:id' };
    // Rates are increases between scrapes: wait for the console to have a first one.
    await waitUntil(async () => (await get<EdgeView>('/api/edge')).gateways.length > 0, {
      what: 'two scrapes of the gateway',
    });
    for (let i = 0; i < 99; i += 1)
      edge.requestDuration.observe({ ...labels, http_response_status_code: 200 }, 0.003);
    edge.requestDuration.observe({ ...labels, http_response_status_code: 503 }, 0.3);
    const route = await waitUntil(
      async () =>
        (await get<RouteRed[]>('/api/routes')).find(
          (r) => r.route === labels.http_route && r.history.some(([, rate]) => rate > 0),
        ),
      { what: 'a RED point with the observations' },
    );
    expect(route.method).toBe('GET');
    const point = route.history.find(([, rate]) => rate > 0)!;
    expect(point[2]).toBeCloseTo(0.01, 5);
    // 99 of 100 under 5 ms: the 99th percentile interpolates to the 5 ms bound.
    expect(point[3]).toBeCloseTo(5, 5);
  });

  it('shows the edge: rate-limited requests per second and event-loop lag', async () => {
    edge.rateLimited.inc({ route: '/api/v1/products/:id', store: 'local' }, 10);
    const gateway = await waitUntil(
      async () =>
        (await get<EdgeView>('/api/edge')).gateways.find(
          (g) => g.instance === 'gateway-1' && g.history.some(([, limited]) => limited > 0),
        ),
      { what: 'an edge point with the rejections' },
    );
    expect(gateway.eventLoopLagMs).toBeGreaterThanOrEqual(0);
  });
});
