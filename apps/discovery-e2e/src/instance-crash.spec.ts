import { failedAnswers, steadyLoad, waitUntil } from '@junction/testing';
import { startDiscoveryStack, type DiscoveryStack } from './support/discovery-stack';
import { passingInstances, servedBy } from './support/spans';

const PORTS = {
  registry: 19502,
  gateway: 19082,
  catalog: 22151,
  inventory: 22152,
  reviews: 22153,
  orders: 22154,
};
const SECOND_CATALOG = 22161;
const THIRD_CATALOG = 22171;
/** The stack's CHECK_INTERVAL. */
const CHECK_INTERVAL_MS = 1000;

describe('a catalog instance crashing under load', () => {
  let stack: DiscoveryStack;
  beforeAll(async () => (stack = await startDiscoveryStack(PORTS, SECOND_CATALOG)));
  afterAll(() => stack?.stop());

  it('is avoided at once and dropped by the registry within about two check intervals; no request fails', async () => {
    const load = steadyLoad(stack.gatewayUrl);
    await waitUntil(
      () => servedBy(stack.receiver, 'catalog-a') > 0 && servedBy(stack.receiver, 'catalog-b') > 0,
      {
        what: 'both catalogs serving',
        timeoutMs: 15_000,
      },
    );
    const crashed = stack.processes.get('catalog-b')!;
    crashed.signal('SIGKILL');
    await crashed.exited;
    const killedAt = Date.now();
    await waitUntil(
      async () => (await passingInstances(stack.registryUrl, 'catalog')).length === 1,
      {
        what: 'the registry to drop the crashed instance',
        intervalMs: 20,
        timeoutMs: 10_000,
      },
    );
    const droppedAfterMs = Date.now() - killedAt;
    const before = load.snapshot().total;
    await waitUntil(() => load.snapshot().total > before + 300, { what: 'load after the crash' });
    const result = await load.stop();
    console.log(
      `crash: registry dropped the instance after ${droppedAfterMs} ms; ${result.failed} of ${result.total} requests failed`,
    );
    // First probe after the crash plus one more: ~2 intervals, with room for a busy machine.
    expect(droppedAfterMs).toBeLessThan(3 * CHECK_INTERVAL_MS + 1500);
    // Calls in flight on the instance are retried on the other one (GetProduct
    // has no side effects); ejection keeps new calls off it at once.
    expect(failedAnswers(result)).toEqual([]);
    expect(result.total).toBeGreaterThan(300);
  });

  it('sends traffic to a new instance within 2 s of it passing', async () => {
    const load = steadyLoad(stack.gatewayUrl, { workers: 4 });
    const started = stack.startCatalog('c', THIRD_CATALOG);
    await waitUntil(
      async () =>
        (await passingInstances(stack.registryUrl, 'catalog')).some((i) => i.endsWith(':22171')),
      {
        what: 'the new instance passing',
        intervalMs: 20,
        timeoutMs: 20_000,
      },
    );
    const passingAt = Date.now();
    await started;
    await waitUntil(() => servedBy(stack.receiver, 'catalog-c') > 0, {
      what: 'traffic on the new instance',
      intervalMs: 20,
    });
    const servedAfterMs = Date.now() - passingAt;
    const result = await load.stop();
    console.log(
      `new instance: first call ${servedAfterMs} ms after passing (span export adds up to ~100 ms)`,
    );
    expect(servedAfterMs).toBeLessThan(2000);
    expect(failedAnswers(result)).toEqual([]);
  });
});
