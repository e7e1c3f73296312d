import { describeLatency, latencyFigures, steadyLoad, waitUntil } from '@junction/testing';
import { CHAOS_PORTS } from './support/chaos-ports';
import { startChaosStack, type ChaosStack } from './support/chaos-stack';
import { call, degradedOf, tally, type ProductBody } from './support/gateway-http';
import { gatewayMetrics, injectFaults } from './support/runtime-control';

const BUDGET_MS = 300;
const WORKERS = 8;
/** A busy 2-core CI box answers late; the bound is the budget plus this. */
const SLACK_MS = 250;

describe('inventory slowed past the deadline under steady load', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await startChaosStack({
      suite: 'slow-inventory',
      ports: CHAOS_PORTS.slowInventory,
      gatewayRuntime: {
        routes: { 'GET /api/v1/products/:id': { timeoutMs: BUDGET_MS } },
        upstreams: {
          inventory: {
            // The breaker stays out of it, so every call meets the deadline
            // (an open breaker would answer fast and prove nothing here).
            breaker: { minimumVolume: 100_000 },
            // Room for one call per worker and a little: calls that outlived
            // their request would pile up here and be refused.
            bulkhead: { maxConcurrent: WORKERS + 2 },
          },
        },
      },
    });
  });
  afterAll(() => stack?.stop());

  it('answers within the budget, degraded, without calls piling up; fast again once inventory is', async () => {
    await injectFaults(stack, 'inventory', { latencyMs: 3 * BUDGET_MS + 100 }, ['inventory']);
    const slowLoad = steadyLoad(stack.gatewayUrl, { workers: WORKERS });
    await waitUntil(() => slowLoad.snapshot().total >= 80, { what: '80 answers' });
    const slow = await slowLoad.stop();
    const slowLatency = latencyFigures(slow.answers);
    const rejected = (await gatewayMetrics(stack)).value('junction_upstream_calls_rejected_total', {
      upstream: 'inventory',
    });

    await injectFaults(stack, 'inventory', undefined, ['inventory']);
    await waitUntil(
      async () =>
        (await call<ProductBody>(`${stack.gatewayUrl}/api/v1/products/5`)).body.degraded?.length ===
        0,
      { what: 'stock back in the answers' },
    );
    const healedLoad = steadyLoad(stack.gatewayUrl, { workers: 4 });
    await waitUntil(() => healedLoad.snapshot().total >= 200, { what: '200 answers' });
    const healed = await healedLoad.stop();
    const healedLatency = latencyFigures(healed.answers);
    console.log(
      `slow inventory (${3 * BUDGET_MS + 100} ms, budget ${BUDGET_MS} ms): ${slow.total} answers ` +
        `${JSON.stringify(slow.statuses)} ${JSON.stringify(tally(slow.answers.map((a) => degradedOf(a.body))))}, ` +
        `${describeLatency(slowLatency)}; inventory calls refused by the client: ${rejected ?? 0}; ` +
        `after the fault: ${healed.total} answers ${JSON.stringify(healed.statuses)}, ${describeLatency(healedLatency)}`,
    );

    expect(slow.total).toBeGreaterThanOrEqual(80);
    expect(slow.statuses).toEqual({ 200: slow.total });
    for (const answer of slow.answers) {
      expect((answer.body as ProductBody).degraded).toEqual(['inventory']);
      expect((answer.body as ProductBody).stock).toBeNull();
    }
    // Each answer waited for the budget (the fault really bit), and no longer.
    expect(slowLatency.p50).toBeGreaterThanOrEqual(BUDGET_MS * 0.9);
    expect(slowLatency.max).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS);
    // Calls ended with their request's budget: none was refused for lack of room.
    expect(rejected).toBeUndefined();
    // No backlog after the fault: full answers at once, far inside the budget.
    expect(healed.statuses).toEqual({ 200: healed.total });
    expect(tally(healed.answers.map((a) => degradedOf(a.body)))).toEqual({ '': healed.total });
    expect(healedLatency.p90).toBeLessThan(BUDGET_MS / 2);
  });
});
