// The forced breaker states from the real dev registry's KV (a child
// process). Build it first: npx nx run dev-registry:build
import { GrpcStatus } from '@junction/grpc-client';
import {
  deleteKv,
  putKv,
  runDevRegistry,
  waitUntil,
  type RunningDevRegistry,
} from '@junction/testing';
import { getProduct, policyWith } from '../testing/calls.fixture';
import { circuitBreakers } from './circuit-breaker.middleware';
import { watchBreakerForces, type BreakerForces } from './breaker-force.watch';

jest.setTimeout(30_000);

describe('watchBreakerForces (real dev registry)', () => {
  let registry: RunningDevRegistry;
  let forces: BreakerForces | undefined;
  const refused: string[] = [];

  beforeAll(async () => {
    registry = await runDevRegistry({ port: 23254, env: { LOG_LEVEL: 'warn' } });
  });
  afterAll(async () => {
    await forces?.stop();
    await registry?.stop();
  });

  it('applies junction/breakers/<upstream> to the next call, and auto again when deleted', async () => {
    forces = watchBreakerForces(
      { DISCOVERY: 'consul', CONSUL_HTTP_ADDR: registry.address, DISCOVERY_WAIT_MS: 5000 },
      ['catalog', 'reviews'],
      { observer: { applied: () => undefined, rejected: (key) => refused.push(key) } },
    );
    const breakers = circuitBreakers(policyWith(), {}, () => forces!.current('catalog'));
    const handler = breakers.middleware(async () => 'ok');
    try {
      await expect(handler(getProduct())).resolves.toBe('ok');

      await putKv(registry.address, 'junction/breakers/catalog', { state: 'open' });
      await waitUntil(() => forces!.current('catalog')?.state === 'open', {
        what: 'the forced state to apply',
      });
      await expect(handler(getProduct())).rejects.toMatchObject({
        code: GrpcStatus.UNAVAILABLE,
        reason: 'CIRCUIT_OPEN',
      });
      expect(forces.current('reviews')).toEqual({ methods: {} });

      await putKv(registry.address, 'junction/breakers/catalog', { state: 'ajar' });
      await waitUntil(() => refused.length === 1, { what: 'the bad document to be refused' });
      expect(refused).toEqual(['junction/breakers/catalog']);
      expect(forces.current('catalog')?.state).toBe('open');

      await deleteKv(registry.address, 'junction/breakers/catalog');
      await waitUntil(() => forces!.current('catalog')?.state === undefined, {
        what: 'auto again',
      });
      await expect(handler(getProduct())).resolves.toBe('ok');
    } finally {
      breakers.close();
    }
  });

  it('is auto throughout with DISCOVERY=static', async () => {
    const fixed = watchBreakerForces(
      { DISCOVERY: 'static', CONSUL_HTTP_ADDR: registry.address, DISCOVERY_WAIT_MS: 5000 },
      ['catalog'],
    );
    expect(fixed.current('catalog')).toEqual({ methods: {} });
    expect(fixed.current('orders')).toBeUndefined();
    await fixed.stop();
  });
});
