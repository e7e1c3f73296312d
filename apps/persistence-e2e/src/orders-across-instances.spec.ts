import { ordersV1 } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import { connectUpstream, GrpcCallError, GrpcJsTransport } from '@junction/grpc-client';
import { stackCallerMetadata, waitUntil } from '@junction/testing';
import { randomUUID } from 'node:crypto';
import {
  availableBecomes,
  createOrder,
  request,
  stockOf,
  type Order,
} from './support/gateway-http';
import { startPersistenceStack, type PersistenceStack } from './support/persistence-stack';

const PORTS = {
  postgres: 28401,
  registry: 28402,
  gateway: 28403,
  catalog: 28404,
  reviews: 28405,
  orders: 28406,
  ordersB: 28407,
  inventory: 28408,
  inventoryB: 28409,
};

describe('orders and stock on PostgreSQL, two instances of each', () => {
  let stack: PersistenceStack;
  const transport = new GrpcJsTransport();
  const ordersAt = (port: number) =>
    connectUpstream(ordersV1.OrdersServiceDefinition, {
      upstream: 'orders',
      resolver: new StaticResolver({ orders: [`127.0.0.1:${port}`] }),
      transport,
      defaultTimeoutMs: 5000,
    });
  beforeAll(async () => {
    stack = await startPersistenceStack(PORTS);
  });
  afterAll(async () => {
    transport.close();
    await stack?.stop();
  });

  it('lets exactly the available count of concurrent orders for the last units succeed', async () => {
    // Product 10 is seeded low: 1 + 10 % 7 = 4 units.
    expect((await stockOf(stack, '10')).available).toBe(4);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => createOrder(stack, [{ productId: '10', quantity: 1 }])),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(4).fill(201), ...Array(8).fill(409)]);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.reason).toBe('INSUFFICIENT_STOCK');
    }
    await availableBecomes(stack, '10', 0);
  });

  it('replays an order on the other instance, and refuses its key there with other items', async () => {
    const key = randomUUID();
    const items = [{ productId: '3', quantity: 2 }];
    // Straight to each instance, as the stack's gateway would sign the caller.
    const asCaller = {
      metadata: await stackCallerMetadata({
        subject: 'direct',
        scopes: ['orders'],
        kind: 'api-key',
      }),
    };
    const created = await ordersAt(PORTS.orders).createOrder(
      { idempotencyKey: key, items },
      asCaller,
    );
    const replayed = await ordersAt(PORTS.ordersB).createOrder(
      { idempotencyKey: key, items },
      asCaller,
    );
    expect(created.replayed).toBe(false);
    expect(replayed).toEqual({ order: created.order, replayed: true });
    const reused = await ordersAt(PORTS.ordersB)
      .createOrder({ idempotencyKey: key, items: [{ productId: '3', quantity: 1 }] }, asCaller)
      .catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(GrpcCallError);
    expect(reused).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps orders, their keys and the stock they hold across a restart of every app', async () => {
    const key = randomUUID();
    const available = (await stockOf(stack, '4')).available - 3;
    const created = await createOrder(stack, [{ productId: '4', quantity: 3 }], key);
    expect(created.status).toBe(201);
    await availableBecomes(stack, '4', available);
    await stack.restartApps();
    const read = await request<Order>(stack, `/api/v1/orders/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const replay = await createOrder(stack, [{ productId: '4', quantity: 3 }], key);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(created.body.id);
    expect((await stockOf(stack, '4')).available).toBe(available);
  });

  it('loses and duplicates nothing when an orders instance is killed mid-order', async () => {
    const before = (await stockOf(stack, '20')).available;
    const keys = Array.from({ length: 16 }, () => randomUUID());
    const item = [{ productId: '20', quantity: 1 }];
    const inFlight = keys.map((key) => createOrder(stack, item, key));
    // The first answer back means the rest are on their way through both instances.
    await Promise.race(inFlight);
    stack.processes.get('orders')?.signal('SIGKILL');
    const first = await Promise.all(inFlight);
    const acknowledged = new Map(
      keys.flatMap((key, i) => (first[i].status === 201 ? [[key, first[i].body.id]] : [])),
    );
    await stack.restartApps();
    // Every key again until it settles: a key whose creator was killed is
    // "in flight" (409) until its claim lease runs out, then taken over.
    const settled = new Map<string, string>();
    await waitUntil(
      async () => {
        for (const key of keys.filter((k) => !settled.has(k))) {
          const retry = await createOrder(stack, item, key);
          if (retry.status === 200 || retry.status === 201) settled.set(key, retry.body.id);
        }
        return settled.size === keys.length;
      },
      { timeoutMs: 20_000, what: 'every key to settle on one order', intervalMs: 250 },
    );
    for (const [key, id] of acknowledged) expect(settled.get(key)).toBe(id);
    expect(new Set(settled.values()).size).toBe(keys.length);
    await availableBecomes(stack, '20', before - keys.length);
  });
});
