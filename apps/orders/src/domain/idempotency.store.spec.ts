import { ordersV1 } from '@junction/contracts';
import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { deferred, ManualClock } from '../testing/order-fakes';
import { IdempotencyStore } from './idempotency.store';

const order = (id: string): ordersV1.Order => ({
  id,
  status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
  items: [],
  totalCents: 0,
  currency: 'EUR',
  createTimeUnixMs: 0,
});

const HOUR = 3_600_000;

describe('IdempotencyStore', () => {
  let clock: ManualClock;
  let store: IdempotencyStore;
  beforeEach(() => {
    clock = new ManualClock();
    store = new IdempotencyStore(clock, { ttlMs: 24 * HOUR, maxKeys: 3 });
  });

  it('creates once per key and replays the bound order', async () => {
    const create = jest.fn(async () => order('1'));
    expect(await store.run('k', 'a', create)).toEqual({ order: order('1'), replayed: false });
    expect(await store.run('k', 'a', create)).toEqual({ order: order('1'), replayed: true });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('refuses a bound key with other items: IDEMPOTENCY_KEY_REUSED', async () => {
    await store.run('k', 'a', async () => order('1'));
    const failure = await statusErrorOf(store.run('k', 'b', async () => order('2')));
    expect(failure).toMatchObject({
      code: Status.INVALID_ARGUMENT,
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('shares one in-flight creation between concurrent callers with the same items', async () => {
    const gate = deferred<ordersV1.Order>();
    const create = jest.fn(() => gate.promise);
    const first = store.run('k', 'a', create);
    const second = store.run('k', 'a', create);
    const other = statusErrorOf(store.run('k', 'b', create));
    gate.resolve(order('1'));
    expect(await first).toEqual({ order: order('1'), replayed: false });
    expect(await second).toEqual({ order: order('1'), replayed: true });
    expect((await other).reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('leaves a key unbound when its creation fails, so a retry runs again', async () => {
    await expect(
      store.run('k', 'a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.size).toBe(0);
    expect(await store.run('k', 'b', async () => order('2'))).toEqual({
      order: order('2'),
      replayed: false,
    });
  });

  it('forgets a key once its time to live has passed', async () => {
    await store.run('k', 'a', async () => order('1'));
    clock.advance(24 * HOUR - 1);
    expect((await store.run('k', 'a', async () => order('2'))).replayed).toBe(true);
    clock.advance(1);
    expect(await store.run('k', 'a', async () => order('2'))).toEqual({
      order: order('2'),
      replayed: false,
    });
  });

  it('keeps at most maxKeys keys, dropping the oldest first', async () => {
    for (const key of ['k1', 'k2', 'k3', 'k4']) await store.run(key, 'a', async () => order(key));
    expect(store.size).toBe(3);
    expect((await store.run('k1', 'a', async () => order('new'))).replayed).toBe(false);
    expect((await store.run('k4', 'a', async () => order('new'))).replayed).toBe(true);
  });
});
