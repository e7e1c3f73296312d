import { describeLatency, latencyFigures, waitUntil, type LoadAnswer } from '@junction/testing';
import { CHAOS_PORTS } from './support/chaos-ports';
import { startChaosStack, type ChaosStack } from './support/chaos-stack';
import { call, type ProductBody } from './support/gateway-http';
import { configureGateway, gatewayMetrics, injectFaults } from './support/runtime-control';
import { runStorm, type StormResult } from './support/storm';

const ROUTE = 'GET /api/v1/products/:id';
const WORKERS = 16;
const MAX_RSS_MIB = 400;
/** Refusals are cheap; on a busy 2-core box under the storm they still queue a little. */
const QUICK_MS = 100;

const refusals = (result: StormResult, status: number): LoadAnswer[] =>
  result.storm.answers.filter((a) => a.status === status);

const describeStorm = (name: string, result: StormResult, status: number) =>
  `${name}: ${result.storm.total} answers in ${result.durationMs} ms ${JSON.stringify(result.storm.statuses)}; ` +
  `${status}s ${describeLatency(latencyFigures(refusals(result, status)))}; ` +
  `/healthz ${JSON.stringify(result.health.statuses)}; peak RSS ${Math.round(result.peakRssMiB)} MiB`;

/** What holds for the gateway whatever the storm: it stayed up, healthy and bounded. */
const expectWeathered = (stack: ChaosStack, result: StormResult) => {
  expect(stack.process('gateway').running).toBe(true);
  expect(result.health.total).toBeGreaterThan(0);
  expect(result.health.statuses).toEqual({ 200: result.health.total });
  expect(result.peakRssMiB).toBeLessThan(MAX_RSS_MIB);
};

const expectRefusal = (answer: LoadAnswer, status: number, reason: string) => {
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(answer.body).toMatchObject({ status, reason });
};

describe('overload', () => {
  let stack: ChaosStack;
  const product = (headers: Record<string, string> = {}) =>
    call<ProductBody>(`${stack.gatewayUrl}/api/v1/products/3`, { headers });

  beforeAll(async () => {
    stack = await startChaosStack({
      suite: 'overload',
      ports: CHAOS_PORTS.overload,
      // Far from the limits set below: the environment's default plays no part.
      gatewayEnv: { RATE_LIMIT_POINTS: '1000000' },
    });
  });
  afterAll(() => stack?.stop());

  it('refuses a client over its rate limit with quick 429s and Retry-After, then lets it back', async () => {
    const POINTS = 50;
    await configureGateway(stack, {
      routes: { [ROUTE]: { rateLimit: { points: POINTS, durationS: 1 } } },
    });
    const client = { 'x-api-key': stack.apiKey };
    const result = await runStorm({
      gatewayUrl: stack.gatewayUrl,
      pid: stack.process('gateway').pid!,
      workers: WORKERS,
      answers: 2000,
      headers: client,
    });
    console.log(describeStorm('rate-limit storm', result, 429));

    const limited = refusals(result, 429);
    const ok = result.storm.statuses[200] ?? 0;
    expect(result.storm.statuses).toEqual({ 200: ok, 429: limited.length });
    // At most a full budget per started second went through.
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThanOrEqual(POINTS * (Math.ceil(result.durationMs / 1000) + 1));
    for (const answer of limited) expectRefusal(answer, 429, 'RATE_LIMITED');
    expect(latencyFigures(limited).p90).toBeLessThan(QUICK_MS);
    expect(
      (await gatewayMetrics(stack)).value('junction_gateway_rate_limited_total', { route: ROUTE }),
    ).toBe(limited.length);
    expectWeathered(stack, result);
    // The same client is served again once its window has passed.
    const back = await waitUntil(
      async () => {
        const answer = await product(client);
        return answer.status === 200 ? answer : undefined;
      },
      { what: 'the limited client served again', timeoutMs: 3000 },
    );
    expect(back.body.degraded).toEqual([]);
  });

  it('sheds what exceeds its in-flight limit with quick 503s and Retry-After, then serves normally', async () => {
    await configureGateway(stack, {
      routes: { [ROUTE]: { rateLimit: false } },
      shedding: { maxInFlight: 8, retryAfterS: 2 },
    });
    // Slow answers keep requests in flight, so the storm really fills the gateway.
    await injectFaults(stack, 'inventory', { latencyMs: 200 }, ['inventory']);
    const result = await runStorm({
      gatewayUrl: stack.gatewayUrl,
      pid: stack.process('gateway').pid!,
      workers: WORKERS,
      answers: 2000,
    });
    console.log(describeStorm('in-flight storm', result, 503));

    const shed = refusals(result, 503);
    const ok = result.storm.statuses[200] ?? 0;
    expect(result.storm.statuses).toEqual({ 200: ok, 503: shed.length });
    expect(ok).toBeGreaterThan(0);
    expect(shed.length).toBeGreaterThan(ok);
    for (const answer of shed) {
      expectRefusal(answer, 503, 'OVERLOADED');
      expect(answer.headers.get('retry-after')).toBe('2');
    }
    expect(latencyFigures(shed).p90).toBeLessThan(QUICK_MS);
    const metrics = await gatewayMetrics(stack);
    expect(metrics.value('junction_gateway_shed_total')).toBe(shed.length);
    expectWeathered(stack, result);

    await injectFaults(stack, 'inventory', undefined, ['inventory']);
    await configureGateway(stack, {});
    const normal = await product();
    expect(normal.status).toBe(200);
    expect(normal.body.degraded).toEqual([]);
  });
});
