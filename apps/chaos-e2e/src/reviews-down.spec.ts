import { describeLatency, latencyFigures, steadyLoad, waitUntil } from '@junction/testing';
import { CHAOS_PORTS } from './support/chaos-ports';
import { startChaosStack, type ChaosStack } from './support/chaos-stack';
import { degradedOf, tally, type ProductBody } from './support/gateway-http';
import { breakerState, gatewayMetrics } from './support/runtime-control';

const BUDGET_MS = 500;
const OPEN = 2;
const CLOSED = 0;

describe('reviews killed under steady load', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await startChaosStack({
      suite: 'reviews-down',
      ports: CHAOS_PORTS.reviewsDown,
      gatewayRuntime: {
        routes: { 'GET /api/v1/products/:id': { timeoutMs: BUDGET_MS } },
        upstreams: { reviews: { breaker: { minimumVolume: 5, resetTimeoutMs: 1000 } } },
      },
    });
  });
  afterAll(() => stack?.stop());

  it('keeps answering 200 without reviews, fast once the breaker opens, and heals after a restart', async () => {
    const load = steadyLoad(stack.gatewayUrl, { workers: 4, maxMs: 40_000 });
    await waitUntil(() => load.snapshot().total >= 40, { what: 'load before the crash' });

    const killedAt = Date.now();
    await stack.kill('reviews');
    await waitUntil(async () => (await breakerState(stack, 'reviews', 'GetSummary')) === OPEN, {
      what: 'the reviews breaker to open',
      intervalMs: 20,
    });
    const openedAt = Date.now();
    const sinceOpen = () => load.snapshot().answers.filter((a) => a.startedAt >= openedAt);
    await waitUntil(() => sinceOpen().length >= 200, { what: '200 answers with the breaker open' });

    const restartedAt = Date.now();
    await stack.restart('reviews');
    await waitUntil(async () => (await breakerState(stack, 'reviews', 'GetSummary')) === CLOSED, {
      what: 'the reviews breaker to close again',
      timeoutMs: 15_000,
      intervalMs: 20,
    });
    const closedAt = Date.now();
    const sinceClose = () => load.snapshot().answers.filter((a) => a.startedAt >= closedAt);
    await waitUntil(() => sinceClose().length >= 100, { what: '100 answers after the recovery' });
    const result = await load.stop();
    const metrics = await gatewayMetrics(stack);

    // Answered before the crash (those in flight at the kill lose their reviews).
    const before = result.answers.filter((a) => a.startedAt + a.ms < killedAt);
    const open = result.answers.filter((a) => a.startedAt >= openedAt && a.startedAt < restartedAt);
    const after = result.answers.filter((a) => a.startedAt >= closedAt);
    const openLatency = latencyFigures(open);
    console.log(
      `reviews down: ${result.total} answers ${JSON.stringify(result.statuses)}; ` +
        `breaker open ${openedAt - killedAt} ms after the kill, closed ${closedAt - restartedAt} ms after the restart began; ` +
        `with the breaker open: ${describeLatency(openLatency)}; ` +
        `degraded before/open/after: ${JSON.stringify([before, open, after].map((s) => tally(s.map((a) => degradedOf(a.body)))))}`,
    );

    // Not one request failed, from before the crash to after the recovery.
    expect(result.statuses).toEqual({ 200: result.total });
    expect(tally(before.map((a) => degradedOf(a.body)))).toEqual({ '': before.length });
    // With the breaker open every answer lacks exactly the reviews, and says so.
    expect(open.length).toBeGreaterThanOrEqual(200);
    for (const answer of open) {
      const body = answer.body as ProductBody;
      expect(body.degraded).toEqual(['reviews']);
      expect(answer.headers.get('x-degraded')).toBe('reviews');
      expect(body.rating).toBeNull();
      expect(body.stock).not.toBeNull();
    }
    // Reviews are not waited for: the breaker fails them at once.
    expect(openLatency.p90).toBeLessThan(50);
    expect(
      metrics.value('junction_upstream_calls_rejected_total', {
        upstream: 'reviews',
        cause: 'breaker-open',
      }),
    ).toBeGreaterThan(0);
    // Half-open probes decided; the last one closed the breaker.
    const transitions = (state: string) =>
      metrics.value('junction_upstream_breaker_transitions_total', {
        upstream: 'reviews',
        method: 'GetSummary',
        state,
      }) ?? 0;
    expect(transitions('half-open')).toBeGreaterThanOrEqual(1);
    expect(transitions('closed')).toBeGreaterThanOrEqual(1);
    // Once closed, the reviews are back in every answer.
    expect(tally(after.map((a) => degradedOf(a.body)))).toEqual({ '': after.length });
  });
});
