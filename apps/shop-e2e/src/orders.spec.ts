import { randomUUID } from 'node:crypto';
import { sharedApiKeyHeader } from '@junction/testing';
import { expectProblem, http, type HttpInit } from './support/http';
import { sendPartialBody } from './support/raw-http';

interface Order {
  id: string;
  status: string;
  items: { productId: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
  createdAt: string;
}

const available = async (productId: string): Promise<number> => {
  const res = await http<{ stock: { available: number } }>(`/api/v1/products/${productId}`);
  expect(res.status).toBe(200);
  return res.body.stock.available;
};

/** A request as the stack's API key holder (scope orders): each order is its owner's. */
const authorized = <T = Record<string, unknown>>(path: string, init: HttpInit = {}) =>
  http<T>(path, { ...init, headers: { ...sharedApiKeyHeader(), ...init.headers } });

const createOrder = (items: unknown, key: string = randomUUID()) =>
  authorized<Order>('/api/v1/orders', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: { items },
  });

describe('POST /api/v1/orders', () => {
  it('creates a pending order priced from the catalog and reserves its stock', async () => {
    const before = await available('1');
    const price = (await http<{ priceCents: number }>('/api/v1/products/1')).body.priceCents;
    const res = await createOrder([{ productId: '1', quantity: 3 }]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[1-9]\d{0,18}$/),
      status: 'PENDING',
      items: [{ productId: '1', quantity: 3, unitPriceCents: price }],
      totalCents: 3 * price,
      currency: 'EUR',
      createdAt: expect.any(String),
    });
    expect(Date.parse(res.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${res.body.id}`);
    expect(await available('1')).toBe(before - 3);
  });

  it('issues time-ordered ids', async () => {
    const first = await createOrder([{ productId: '2', quantity: 1 }]);
    const second = await createOrder([{ productId: '2', quantity: 1 }]);
    expect(BigInt(second.body.id)).toBeGreaterThan(BigInt(first.body.id));
  });

  it('replays the same order for the same key and body without reserving again', async () => {
    const key = randomUUID();
    const first = await createOrder([{ productId: '3', quantity: 2 }], key);
    const stockAfterFirst = await available('3');
    const replay = await createOrder([{ productId: '3', quantity: 2 }], key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect(await available('3')).toBe(stockAfterFirst);
  });

  it('rejects the same key with another body with 422', async () => {
    const key = randomUUID();
    expect((await createOrder([{ productId: '4', quantity: 1 }], key)).status).toBe(201);
    const res = await createOrder([{ productId: '4', quantity: 2 }], key);
    expectProblem(res, 422);
    expect(res.body).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('creates exactly one order for concurrent requests with one key', async () => {
    const key = randomUUID();
    const before = await available('5');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createOrder([{ productId: '5', quantity: 1 }], key)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const ids = new Set(results.filter((r) => r.status !== 409).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await available('5')).toBe(before - 1);
  });

  it('answers 409 for short stock and reserves none of the order', async () => {
    const page = await http<{ items: { id: string; stock: { available: number } }[] }>(
      '/api/v1/products?pageSize=100',
    );
    const scarce = page.body.items.find((p) => p.stock.available < 1000 && p.id !== '6')!;
    const before = await available('6');
    const res = await createOrder([
      { productId: '6', quantity: 1 },
      { productId: scarce.id, quantity: scarce.stock.available + 1 },
    ]);
    expectProblem(res, 409);
    expect(res.body).toMatchObject({ reason: 'INSUFFICIENT_STOCK' });
    expect(await available('6')).toBe(before);
    expect(await available(scarce.id)).toBe(scarce.stock.available);
  });

  it('answers 404 for an unknown product and reserves none of the order', async () => {
    const before = await available('8');
    const res = await createOrder([
      { productId: '8', quantity: 1 },
      { productId: '999999', quantity: 1 },
    ]);
    expectProblem(res, 404);
    expect(await available('8')).toBe(before);
  });

  it('lets a key whose order failed be used again', async () => {
    const key = randomUUID();
    expect((await createOrder([{ productId: '999999', quantity: 1 }], key)).status).toBe(404);
    expect((await createOrder([{ productId: '9', quantity: 1 }], key)).status).toBe(201);
  });

  it('requires an Idempotency-Key header', async () => {
    const res = await authorized('/api/v1/orders', {
      method: 'POST',
      body: { items: [{ productId: '1', quantity: 1 }] },
    });
    expectProblem(res, 400);
  });

  it.each([['x'.repeat(256)], ['caf\u00e9'], ['tab\tinside']])(
    'rejects Idempotency-Key %j',
    async (key) => {
      expectProblem(await createOrder([{ productId: '1', quantity: 1 }], key), 400);
    },
  );

  it.each([
    ['no items', []],
    ['51 items', Array.from({ length: 51 }, (_, i) => ({ productId: String(i + 1), quantity: 1 }))],
    ['quantity 0', [{ productId: '1', quantity: 0 }]],
    ['quantity 1001', [{ productId: '1', quantity: 1001 }]],
    ['fractional quantity', [{ productId: '1', quantity: 1.5 }]],
    ['quantity as a string', [{ productId: '1', quantity: '2' }]],
    ['productId as a number', [{ productId: 1, quantity: 1 }]],
    ['productId abc', [{ productId: 'abc', quantity: 1 }]],
    ['productId too large', [{ productId: '2147483648', quantity: 1 }]],
    [
      'a product twice',
      [
        { productId: '1', quantity: 1 },
        { productId: '1', quantity: 2 },
      ],
    ],
    ['an unknown item field', [{ productId: '1', quantity: 1, color: 'red' }]],
    ['items not an array', { productId: '1' }],
  ])('rejects a body with %s with 400', async (_case, items) => {
    expectProblem(await createOrder(items), 400);
  });

  it('rejects an unknown top-level field with 400', async () => {
    const res = await authorized('/api/v1/orders', {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { items: [{ productId: '1', quantity: 1 }], coupon: 'FREE' },
    });
    expectProblem(res, 400);
  });

  it.each([['{"items": ['], ['not json'], ['']])(
    'rejects malformed JSON %j with 400',
    async (rawBody) => {
      const res = await authorized('/api/v1/orders', {
        method: 'POST',
        headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
        rawBody,
      });
      expectProblem(res, 400);
    },
  );

  it('rejects a body over 1 MiB with 413 from its declared length', async () => {
    const res = await sendPartialBody(
      '/api/v1/orders',
      {
        ...sharedApiKeyHeader(),
        'idempotency-key': randomUUID(),
        'content-type': 'application/json',
      },
      1024 * 1024 + 1,
      64 * 1024,
    );
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, traceId: res.headers['x-trace-id'] });
  });

  it('accepts a body of just under 1 MiB up to the validation', async () => {
    const res = await authorized('/api/v1/orders', {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
      rawBody: `{"items":[],"pad":"${'a'.repeat(1024 * 1024 - 40)}"}`,
    });
    expectProblem(res, 400);
  });
});

describe('orders by id', () => {
  it('confirms a pending order, and confirming again changes nothing', async () => {
    const created = await createOrder([{ productId: '11', quantity: 1 }]);
    const confirmed = await authorized<Order>(`/api/v1/orders/${created.body.id}/confirm`, {
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ ...created.body, status: 'CONFIRMED' });
    const again = await authorized<Order>(`/api/v1/orders/${created.body.id}/confirm`, {
      method: 'POST',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(confirmed.body);
    expect((await authorized<Order>(`/api/v1/orders/${created.body.id}`)).body.status).toBe(
      'CONFIRMED',
    );
  });

  it('gets an order by id', async () => {
    const created = await createOrder([{ productId: '12', quantity: 2 }]);
    const res = await authorized<Order>(`/api/v1/orders/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it.each(['abc', '0', '-5', '1.5', '9223372036854775808', '12345678901234567890'])(
    'rejects order id %s with 400',
    async (id) => {
      expectProblem(await authorized(`/api/v1/orders/${id}`), 400);
      expectProblem(await authorized(`/api/v1/orders/${id}/confirm`, { method: 'POST' }), 400);
    },
  );

  it('answers 404 for an unknown order', async () => {
    expectProblem(await authorized('/api/v1/orders/9223372036854775807'), 404);
    expectProblem(await authorized('/api/v1/orders/42/confirm', { method: 'POST' }), 404);
  });
});
