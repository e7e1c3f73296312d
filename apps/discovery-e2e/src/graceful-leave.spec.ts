import { failedAnswers, steadyLoad, waitUntil } from '@junction/testing';
import { startDiscoveryStack, type DiscoveryStack } from './support/discovery-stack';
import { passingInstances, servedBy } from './support/spans';

const PORTS = {
  registry: 19500,
  gateway: 19080,
  catalog: 22101,
  inventory: 22102,
  reviews: 22103,
  orders: 22104,
};
const SECOND_CATALOG = 22111;

describe('a service leaving on SIGTERM', () => {
  let stack: DiscoveryStack;
  beforeAll(async () => (stack = await startDiscoveryStack(PORTS, SECOND_CATALOG)));
  afterAll(() => stack?.stop());

  it('deregisters before it stops answering, so no request under load fails', async () => {
    const load = steadyLoad(stack.gatewayUrl);
    await waitUntil(
      () => servedBy(stack.receiver, 'catalog-a') > 0 && servedBy(stack.receiver, 'catalog-b') > 0,
      {
        what: 'both catalogs serving',
        timeoutMs: 15_000,
      },
    );
    const leaving = stack.processes.get('catalog-b')!;
    leaving.signal('SIGTERM');
    expect(await leaving.exited).toEqual({ code: 0, signal: null });
    const before = load.snapshot().total;
    await waitUntil(() => load.snapshot().total > before + 200, {
      what: 'more load after the exit',
    });
    const result = await load.stop();

    const deregistered = leaving.lines.findIndex((l) =>
      l.includes('deregistered from the service registry'),
    );
    const draining = leaving.lines.findIndex((l) => l.includes('NOT_SERVING, draining'));
    expect(deregistered).toBeGreaterThan(-1);
    expect(draining).toBeGreaterThan(deregistered);
    expect(await passingInstances(stack.registryUrl, 'catalog')).toEqual([
      expect.stringMatching(/:22101$/),
    ]);
    expect(failedAnswers(result)).toEqual([]);
    expect(result.total).toBeGreaterThan(200);
  });
});
