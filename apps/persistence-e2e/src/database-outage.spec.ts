import { waitUntil } from '@junction/testing';
import { createOrder, request, type Order } from './support/gateway-http';
import { startPersistenceStack, type PersistenceStack } from './support/persistence-stack';

const PORTS = {
  postgres: 28451,
  registry: 28452,
  gateway: 28453,
  catalog: 28454,
  reviews: 28455,
  orders: 28456,
  ordersB: 28457,
  inventory: 28458,
  inventoryB: 28459,
};

describe('a PostgreSQL outage', () => {
  let stack: PersistenceStack;
  beforeAll(async () => {
    stack = await startPersistenceStack(PORTS);
  });
  afterAll(() => stack?.stop());

  it('answers a clear 503 problem at once, and serves again when the database is back', async () => {
    const placed = await createOrder(stack, [{ productId: '5', quantity: 1 }]);
    expect(placed.status).toBe(201);
    await stack.postgres.stop();

    const startedAt = Date.now();
    const refused = await createOrder(stack, [{ productId: '5', quantity: 1 }]);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 503 });
    expect(JSON.stringify(refused.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at \//);
    const read = await request(stack, `/api/v1/orders/${placed.body.id}`);
    expect(read.status).toBe(503);

    await stack.postgres.start();
    await waitUntil(
      async () => (await request(stack, `/api/v1/orders/${placed.body.id}`)).status === 200,
      { timeoutMs: 30_000, what: 'orders to read from the database again', intervalMs: 250 },
    );
    const again = await request<Order>(stack, `/api/v1/orders/${placed.body.id}`);
    expect(again.body).toEqual(placed.body);
    const next = await createOrder(stack, [{ productId: '5', quantity: 1 }]);
    expect(next.status).toBe(201);
  });
});
