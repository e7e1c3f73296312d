import {
  describeLatency,
  latencyFigures,
  passingInstanceIds,
  steadyLoad,
  waitUntil,
  type LoadAnswer,
} from '@junction/testing';
import { CHAOS_PORTS } from './support/chaos-ports';
import { startChaosStack, type ChaosStack } from './support/chaos-stack';
import { call, type ProblemBody, type ProductBody } from './support/gateway-http';
import { breakerState } from './support/runtime-control';

/** Read before the outage, so the gateway holds a copy of it; also the one ordered. */
const KNOWN_PRODUCT = '7';
const QUANTITY = 2;
/** Never read before the outage: no copy can stand in. */
const unreadProduct = (n: number) => `/api/v1/products/${200 + (n % 500)}`;

const expectProblem = (answer: Pick<LoadAnswer, 'status' | 'headers' | 'body'>) => {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(answer.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
  expect((answer.body as ProblemBody).detail).toMatch(/\w/);
};

describe('every catalog instance down', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await startChaosStack({
      suite: 'catalog-down',
      ports: CHAOS_PORTS.catalogDown,
      gatewayRuntime: {
        upstreams: { catalog: { breaker: { minimumVolume: 5, resetTimeoutMs: 1000 } } },
      },
    });
  });
  afterAll(() => stack?.stop());

  it('answers 503 problems fast, serves copies of known products, and reserves nothing for a failed order', async () => {
    const product = () => call<ProductBody>(`${stack.gatewayUrl}/api/v1/products/${KNOWN_PRODUCT}`);
    const order = (key: string) =>
      call<ProblemBody>(`${stack.gatewayUrl}/api/v1/orders`, {
        method: 'POST',
        headers: { 'idempotency-key': key, 'x-api-key': stack.apiKey },
        json: { items: [{ productId: KNOWN_PRODUCT, quantity: QUANTITY }] },
      });
    const known = await product();
    expect(known.status).toBe(200);
    expect(known.body.degraded).toEqual([]);
    const available = known.body.stock!.available;

    const killedAt = Date.now();
    await Promise.all([stack.kill('catalog-a'), stack.kill('catalog-b')]);
    const load = steadyLoad(stack.gatewayUrl, { workers: 4, path: unreadProduct });
    await waitUntil(
      async () => (await passingInstanceIds(stack.registryUrl, 'catalog')).length === 0,
      {
        what: 'the registry to drop both catalogs',
      },
    );
    const droppedAt = Date.now();
    await waitUntil(async () => (await breakerState(stack, 'catalog', 'GetProduct')) === 2, {
      what: 'the catalog breaker to open',
    });
    const settledAt = Date.now();
    const settled = () => load.snapshot().answers.filter((a) => a.startedAt >= settledAt);
    await waitUntil(() => settled().length >= 100, { what: '100 answers in the settled outage' });
    const outage = await load.stop();
    const settledLatency = latencyFigures(outage.answers.filter((a) => a.startedAt >= settledAt));

    const stale = await product();
    const failedOrder = await order('chaos-catalog-down-1');
    const staleAfterOrder = await product();
    console.log(
      `catalog down: registry dropped both ${droppedAt - killedAt} ms after the kill, breaker open ` +
        `${settledAt - killedAt} ms after; unread products: ${outage.total} answers ` +
        `${JSON.stringify(outage.statuses)}, settled ${describeLatency(settledLatency)}; ` +
        `order answered ${failedOrder.status} in ${Math.round(failedOrder.ms)} ms: ${JSON.stringify(failedOrder.body)}`,
    );

    // A product nobody read before has no answer but a quick, well-formed 503.
    for (const answer of outage.answers) expectProblem(answer);
    expect(settledLatency.p90).toBeLessThan(200);
    // One read before is served from its copy, marked as such, with live stock.
    expect(stale.status).toBe(200);
    expect(stale.body.degraded).toEqual(['catalog']);
    expect(stale.headers.get('x-degraded')).toBe('catalog');
    expect(stale.body.stock?.available).toBe(available);
    // Orders can't be priced: a clear 503, and the stock is untouched.
    expectProblem(failedOrder);
    expect(failedOrder.body.detail).toBe('catalog unavailable');
    expect(failedOrder.body.reason).toBe('UPSTREAM_UNAVAILABLE');
    expect(failedOrder.ms).toBeLessThan(1000);
    expect(staleAfterOrder.body.stock?.available).toBe(available);

    await stack.restart('catalog-a');
    const fresh = await waitUntil(
      async () => {
        const answer = await product();
        return answer.body.degraded?.length === 0 ? answer : undefined;
      },
      { what: 'fresh product answers again', timeoutMs: 15_000 },
    );
    expect(fresh.body.stock?.available).toBe(available);
    // The failed attempt left nothing behind: the same key now creates the
    // order (201, not a replay), and that reservation does show in the stock.
    // (Orders learns of the restarted catalog on its own watch, maybe a moment
    // after the gateway: until then another 503, which reserves nothing either.)
    const retried = await waitUntil(
      async () => {
        const answer = await order('chaos-catalog-down-1');
        return answer.status === 503 ? undefined : answer;
      },
      { what: 'orders to reach the catalog again' },
    );
    expect(retried.status).toBe(201);
    expect((await product()).body.stock?.available).toBe(available - QUANTITY);
  });
});
