import { putKv, startRedisServer, waitUntil, type RedisServer } from '@junction/testing';
import {
  asPrometheusQuery,
  dashboardQueries,
  metricNames,
  ruleQueries,
} from './support/infra-files';
import { startObservedStack, type ObservedStack } from './support/observed-stack';
import {
  PROMETHEUS_CONSOLE,
  PROMETHEUS_PORT,
  PROMETHEUS_REDIS_PORT,
  PROMETHEUS_STACK,
} from './support/observability-ports';
import { startPrometheus, type PrometheusServer } from './support/prometheus-server';

const PRODUCT_ROUTE = 'GET /api/v1/products/:id';
const GATEWAY_KEY = 'junction/config/gateway';

/**
 * A real Prometheus scraping the running stack through the console's HTTP SD
 * endpoint: traffic that makes every family move, then one PromQL query per
 * family, then every expression of infra/'s dashboard and rules run against
 * what was really scraped.
 */
describe('Prometheus scraping every process', () => {
  let redis: RedisServer;
  let stack: ObservedStack;
  let prometheus: PrometheusServer;
  const get = (path: string) =>
    fetch(`${stack.shop.gatewayUrl}${path}`).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });
  const burst = async (count: number, path: (i: number) => string, concurrency = 8) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i += concurrency) {
      const batch = Array.from({ length: Math.min(concurrency, count - i) }, (_, j) => path(i + j));
      statuses.push(...(await Promise.all(batch.map(get))));
    }
    return statuses;
  };
  const kv = (key: string, value: unknown) => putKv(stack.registryUrl, key, value);
  /** Waits until Prometheus has scraped a value satisfying `accept`. */
  const eventually = async (expr: string, accept: (value: number) => boolean) => {
    let last: number[] = [];
    await waitUntil(
      async () => {
        last = (await prometheus.query(expr)).map((sample) => sample.value);
        return last.length > 0 && last.every(accept);
      },
      { timeoutMs: 20_000, intervalMs: 250, what: `${expr} (last: ${JSON.stringify(last)})` },
    );
    return last;
  };

  beforeAll(async () => {
    redis = await startRedisServer(PROMETHEUS_REDIS_PORT);
    stack = await startObservedStack({
      ports: PROMETHEUS_STACK,
      consolePorts: PROMETHEUS_CONSOLE,
      env: { REDIS_URL: redis.url },
    });
    prometheus = await startPrometheus({
      port: PROMETHEUS_PORT,
      sdUrl: `${stack.consoleUrl}/api/prometheus/targets`,
    });
    await waitUntil(
      async () => {
        const targets = await prometheus.targets();
        const up = new Set(targets.filter((t) => t.health === 'up').map((t) => t.labels.service));
        return ['gateway', 'catalog', 'inventory', 'reviews', 'orders'].every((s) => up.has(s));
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'every process to be scraped' },
    );
  }, 120_000);
  afterAll(async () => {
    await prometheus?.stop();
    await stack?.stop();
    await redis?.stop();
  });

  it('finds the gateway and every service through the console, one target per instance', async () => {
    const targets = await prometheus.targets();
    expect(targets.map((t) => t.labels.service).sort()).toEqual([
      'catalog',
      'gateway',
      'inventory',
      'orders',
      'reviews',
    ]);
    for (const target of targets)
      expect(target.labels.instance).toMatch(new RegExp(`^${target.labels.service}-`));
  });

  it('records RED at the gateway, at each service and at every caller', async () => {
    expect(await burst(20, (i) => `/api/v1/products/${i + 1}`)).toEqual(Array(20).fill(200));
    expect(await burst(4, () => '/api/v1/products/999999')).toEqual(Array(4).fill(404));
    const order = await fetch(`${stack.shop.gatewayUrl}/api/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'prometheus-e2e-order-1',
        'x-api-key': stack.shop.apiKey,
      },
      body: JSON.stringify({ items: [{ productId: '3', quantity: 1 }] }),
    });
    expect(order.status).toBe(201);

    await eventually(
      'sum(http_server_request_duration_seconds_count{service="gateway",http_route="/api/v1/products/:id",http_request_method="GET",http_response_status_code="200"})',
      (v) => v >= 20,
    );
    await eventually(
      'sum(http_server_request_duration_seconds_count{http_route="/api/v1/products/:id",http_response_status_code="404"})',
      (v) => v >= 4,
    );
    // Buckets resolve half a millisecond to ten seconds.
    await eventually(
      'count(http_server_request_duration_seconds_bucket{le="0.0005"})',
      (v) => v > 0,
    );
    await eventually('count(http_server_request_duration_seconds_bucket{le="10"})', (v) => v > 0);
    await eventually(
      'sum(rpc_server_call_duration_seconds_count{service="catalog",rpc_method="GetProduct",rpc_response_status_code="NOT_FOUND"})',
      (v) => v >= 4,
    );
    await eventually(
      'sum(rpc_server_call_duration_seconds_count{service="reviews",rpc_response_status_code="OK"})',
      (v) => v >= 20,
    );
    await eventually(
      'sum(rpc_client_call_duration_seconds_count{service="gateway",peer_service="inventory",rpc_response_status_code="OK"})',
      (v) => v >= 20,
    );
    // orders calls catalog and inventory for the order it placed. Waiting for
    // both: a scrape that landed between its two calls holds only catalog.
    await eventually(
      'count(sum by (peer_service) (rpc_client_call_duration_seconds_count{service="orders"}))',
      (v) => v >= 2,
    );
    expect(
      (
        await prometheus.query(
          'sum by (peer_service) (rpc_client_call_duration_seconds_count{service="orders"})',
        )
      )
        .map((s) => s.metric.peer_service)
        .sort(),
    ).toEqual(['catalog', 'inventory']);
    // Route templates only: no raw path or id ever becomes a label value.
    const routes = await prometheus.query(
      'count by (http_route) (http_server_request_duration_seconds_count)',
    );
    for (const { metric } of routes) expect(metric.http_route).not.toMatch(/\/\d+/);
  });

  it('counts discovery and runtime configuration on every caller', async () => {
    await eventually(
      'junction_discovery_instances{service="gateway",upstream="catalog"}',
      (v) => v === 1,
    );
    await eventually(
      'junction_discovery_instances{service="orders",upstream="inventory"}',
      (v) => v === 1,
    );
    await eventually('max(junction_discovery_staleness_seconds)', (v) => v < 15);
    await kv(GATEWAY_KEY, { rateLimit: { points: 1_000_000 } });
    await kv(GATEWAY_KEY, '{"rateLimit": {"points": "many"}}');
    await eventually(
      `sum(junction_runtime_config_applies_total{key="${GATEWAY_KEY}"})`,
      (v) => v >= 1,
    );
    await eventually(
      `sum(junction_runtime_config_rejections_total{key="${GATEWAY_KEY}"})`,
      (v) => v >= 1,
    );
  });

  it('counts rate-limit refusals by store, and the insurance limiter when Redis is gone', async () => {
    await kv(GATEWAY_KEY, {
      routes: { [PRODUCT_ROUTE]: { rateLimit: { points: 3, durationS: 60 } } },
    });
    await waitUntil(async () => (await get('/api/v1/products/1')) === 429, {
      what: 'the gateway to limit the product route',
    });
    await eventually(
      'sum(junction_gateway_rate_limited_total{route="GET /api/v1/products/:id",store="redis"})',
      (v) => v >= 1,
    );
    await redis.stop();
    await waitUntil(async () => (await get('/api/v1/products/1')) === 429, {
      what: 'the insurance limiter to refuse',
    });
    await eventually('sum(junction_gateway_rate_limit_insurance_total)', (v) => v >= 1);
    await eventually('sum(junction_gateway_rate_limited_total{store="insurance"})', (v) => v >= 1);
    await kv(GATEWAY_KEY, { shedding: { maxInFlight: 1 } });
    await waitUntil(async () => (await burst(16, () => '/api/v1/products/2', 16)).includes(503), {
      what: 'the gateway to shed a burst',
    });
    await eventually('sum(junction_gateway_shed_total{reason="in_flight"})', (v) => v >= 1);
    await kv(GATEWAY_KEY, {});
  });

  it('counts retries, breakers, rejections, fallbacks and ejections when reviews fails', async () => {
    await kv('junction/faults/reviews', { errorRate: 1, errorCode: 'UNAVAILABLE', pushbackMs: 50 });
    await waitUntil(
      async () => {
        await burst(8, (i) => `/api/v1/products/${100 + i}`);
        const [open] = await prometheus.query(
          'max(max_over_time(junction_upstream_breaker_state{service="gateway",upstream="reviews"}[1m]))',
        );
        return open?.value === 2;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the gateway breaker for reviews to open' },
    );
    await burst(8, (i) => `/api/v1/products/${200 + i}`);
    await eventually(
      'sum(junction_upstream_retries_total{service="gateway",upstream="reviews"})',
      (v) => v >= 1,
    );
    await eventually(
      'sum(junction_upstream_breaker_transitions_total{service="gateway",upstream="reviews",state="open"})',
      (v) => v >= 1,
    );
    await eventually(
      'sum(junction_upstream_calls_rejected_total{service="gateway",upstream="reviews",cause="breaker-open"})',
      (v) => v >= 1,
    );
    await eventually('sum(junction_gateway_fallbacks_total{section="reviews"})', (v) => v >= 1);
    await eventually(
      'sum(junction_upstream_ejections_total{upstream="reviews",reason="pushback"})',
      (v) => v >= 1,
    );
    await eventually('count(junction_upstream_retry_budget_exhausted_total)', (v) => v >= 1);
    await kv('junction/faults/reviews', {});
  });

  it('shows breakers forced from the console on every caller', async () => {
    const res = await fetch(`${stack.consoleUrl}/api/breakers/inventory`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${stack.consoleToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ state: 'open' }),
    });
    expect(res.status).toBeLessThan(300);
    await eventually(
      'max(junction_upstream_breaker_forced{service="gateway",upstream="inventory"})',
      (v) => v === 1,
    );
    await eventually(
      'max(junction_upstream_breaker_forced{service="orders",upstream="inventory"})',
      (v) => v === 1,
    );
    const auto = await fetch(`${stack.consoleUrl}/api/breakers/inventory`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${stack.consoleToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ state: 'auto' }),
    });
    expect(auto.status).toBeLessThan(300);
    await eventually('max(junction_upstream_breaker_forced{upstream="inventory"})', (v) => v === 0);
  });

  it('exports process metrics from every process', async () => {
    for (const family of [
      'nodejs_eventloop_lag_seconds',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_gc_duration_seconds_count',
    ]) {
      await eventually(`count(count by (service) (${family}))`, (v) => v === 5);
    }
  });

  it('runs every dashboard and alert expression on metrics the apps really expose', async () => {
    const res = await fetch(`${prometheus.url}/api/v1/label/__name__/values`);
    const exposed = new Set(((await res.json()) as { data: string[] }).data);
    const queries = [
      ...dashboardQueries().map(({ panel, expr }) => ({
        where: `dashboard panel "${panel}"`,
        expr,
      })),
      ...ruleQueries().map(({ rule, expr }) => ({ where: `alert ${rule}`, expr })),
    ];
    expect(queries.length).toBeGreaterThan(20);
    const unknown = queries.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => name !== 'up' && !exposed.has(name))
        .map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
    // Prometheus refuses an expression it cannot parse or evaluate (query() throws).
    const refused: string[] = [];
    for (const { where, expr } of queries) {
      await prometheus
        .query(asPrometheusQuery(expr))
        .catch((e: Error) => refused.push(`${where}: ${e.message}`));
    }
    expect(refused).toEqual([]);
  });
});
