import { describeLatency, latencyFigures, steadyLoad, waitUntil } from '@junction/testing';
import { CHAOS_PORTS } from './support/chaos-ports';
import { startChaosStack, type ChaosStack } from './support/chaos-stack';
import { degradedOf, tally } from './support/gateway-http';
import { breakerState, gatewayMetrics, injectFaults } from './support/runtime-control';

const REQUESTS = 400;

describe('one of two catalog instances failing every call', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await startChaosStack({
      suite: 'failing-catalog-instance',
      ports: CHAOS_PORTS.failingCatalogInstance,
    });
  });
  afterAll(() => stack?.stop());

  it('fails no GET: calls are retried on the other instance, and the failing one is ejected', async () => {
    const failing = await stack.instanceId('catalog-a');
    await injectFaults(
      stack,
      'catalog',
      { errorRate: 1, errorCode: 'UNAVAILABLE', methods: ['GetProduct'], instances: [failing] },
      ['catalog-a', 'catalog-b'],
    );
    const load = steadyLoad(stack.gatewayUrl, { workers: 8 });
    await waitUntil(() => load.snapshot().total >= REQUESTS, { what: `${REQUESTS} answers` });
    const result = await load.stop();
    const metrics = await gatewayMetrics(stack);
    const retries =
      metrics.value('junction_upstream_retries_total', {
        upstream: 'catalog',
        method: 'GetProduct',
      }) ?? 0;
    const refused = metrics.value('junction_upstream_calls_rejected_total', {
      upstream: 'catalog',
    });
    console.log(
      `failing catalog instance: ${result.total} answers ${JSON.stringify(result.statuses)} ` +
        `${JSON.stringify(tally(result.answers.map((a) => degradedOf(a.body))))}, ` +
        `${describeLatency(latencyFigures(result.answers))}; ${retries} retries, ` +
        `${refused ?? 0} catalog calls refused by the client`,
    );

    expect(result.statuses).toEqual({ 200: result.total });
    // Fresh answers every time: no failure was hidden behind a stale copy.
    expect(tally(result.answers.map((a) => degradedOf(a.body)))).toEqual({ '': result.total });
    // The failing instance was really called, and its failures retried…
    expect(retries).toBeGreaterThan(0);
    // …but only until it was ejected: half the calls would go to it otherwise.
    expect(retries).toBeLessThan(result.total / 10);
    expect(refused).toBeUndefined();
    expect(await breakerState(stack, 'catalog', 'GetProduct')).not.toBe(2);
  });
});
