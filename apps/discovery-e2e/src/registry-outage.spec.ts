import { failedAnswers, steadyLoad, waitUntil } from '@junction/testing';
import { startDiscoveryStack, type DiscoveryStack } from './support/discovery-stack';
import { passingInstances, servedBy } from './support/spans';

const PORTS = {
  registry: 19501,
  gateway: 19081,
  catalog: 22121,
  inventory: 22122,
  reviews: 22123,
  orders: 22124,
};
const SECOND_CATALOG = 22131;
const LATE_CATALOG = 22141;

describe('the registry going away', () => {
  let stack: DiscoveryStack;
  beforeAll(async () => (stack = await startDiscoveryStack(PORTS, SECOND_CATALOG)));
  afterAll(() => stack?.stop());

  it('keeps the gateway answering from the last known instances', async () => {
    const registry = stack.processes.get('registry')!;
    registry.signal('SIGKILL');
    await registry.exited;
    const load = steadyLoad(stack.gatewayUrl, { workers: 4 });
    await waitUntil(() => load.snapshot().total >= 300, { what: '300 answers without a registry' });
    const result = await load.stop();
    expect(failedAnswers(result)).toEqual([]);
  });

  it('gets every service registered again, and watches recovered, once an empty registry is back', async () => {
    await stack.restartRegistry();
    await waitUntil(
      async () =>
        (await passingInstances(stack.registryUrl, 'catalog')).length === 2 &&
        (
          await Promise.all(
            ['inventory', 'reviews', 'orders'].map((s) => passingInstances(stack.registryUrl, s)),
          )
        ).every((list) => list.length === 1),
      { what: 'all services registered again', timeoutMs: 10_000 },
    );
    // A watch that recovered sees an instance that only the new registry knows.
    const load = steadyLoad(stack.gatewayUrl, { workers: 4 });
    await stack.startCatalog('late', LATE_CATALOG);
    await waitUntil(() => servedBy(stack.receiver, 'catalog-late') > 0, {
      what: 'traffic on the instance registered after the restart',
      timeoutMs: 15_000,
    });
    const result = await load.stop();
    expect(failedAnswers(result)).toEqual([]);
  });
});
