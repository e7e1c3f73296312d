import { expectProblem, http } from './support/http';

interface Product {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  stock: { available: number } | null;
  rating: { average: number; count: number } | null;
  topReviews: unknown[] | null;
  degraded: string[];
}
interface ProductPage {
  items: Omit<Product, 'rating' | 'topReviews' | 'degraded'>[];
  nextPageToken: string;
  degraded: string[];
}

describe('GET /api/v1/products/:id', () => {
  it('aggregates catalog, inventory and reviews into one product', async () => {
    const res = await http<Product>('/api/v1/products/7');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-degraded')).toBeNull();
    expect(res.body).toMatchObject({
      id: '7',
      name: expect.any(String),
      description: expect.any(String),
      priceCents: expect.any(Number),
      currency: 'EUR',
      stock: { available: expect.any(Number) },
      rating: { average: expect.any(Number), count: expect.any(Number) },
      degraded: [],
    });
    expect(Array.isArray(res.body.topReviews)).toBe(true);
    expect(res.body.topReviews!.length).toBeLessThanOrEqual(3);
  });

  it('returns a W3C trace id on a success', async () => {
    const res = await http('/api/v1/products/1');
    expect(res.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('x-trace-id')).not.toBe('0'.repeat(32));
  });

  it.each(['abc', '0', '-1', '1.5', '123456789012345678901234567890', '2147483648', '01', ' 1'])(
    'rejects product id %j with 400',
    async (id) => {
      expectProblem(await http(`/api/v1/products/${encodeURIComponent(id)}`), 400);
    },
  );

  it('accepts the largest product id and answers 404 for it', async () => {
    const res = await http('/api/v1/products/2147483647');
    expectProblem(res, 404);
    expect(res.body).toMatchObject({ reason: 'PRODUCT_NOT_FOUND' });
  });

  it('answers 404 for an unknown product', async () => {
    expectProblem(await http('/api/v1/products/1001'), 404);
  });
});

describe('GET /api/v1/products', () => {
  it('returns 20 products with stock by default', async () => {
    const res = await http<ProductPage>('/api/v1/products');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(20);
    expect(res.body.items[0]).toMatchObject({ id: '1', stock: { available: expect.any(Number) } });
    expect(res.body.items.every((p) => p.stock !== null)).toBe(true);
    expect(res.body.degraded).toEqual([]);
    expect(res.body.nextPageToken).not.toBe('');
  });

  it('pages through all 1000 products with nextPageToken, each once', async () => {
    const ids: string[] = [];
    let token = '';
    do {
      const res = await http<ProductPage>(
        `/api/v1/products?pageSize=100${token ? `&pageToken=${token}` : ''}`,
      );
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((p) => p.id));
      token = res.body.nextPageToken;
    } while (token);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
  });

  it.each(['1', '100'])('accepts pageSize=%s', async (size) => {
    const res = await http<ProductPage>(`/api/v1/products?pageSize=${size}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(Number(size));
  });

  it.each(['0', '101', '-1', 'abc', '1.5', '', '20&pageSize=30'])(
    'rejects pageSize=%s with 400',
    async (size) => {
      expectProblem(await http(`/api/v1/products?pageSize=${size}`), 400);
    },
  );

  it.each(['not-a-token!', 'bm9wZQ', 'x'.repeat(65)])(
    'rejects pageToken %s with 400',
    async (token) => {
      expectProblem(await http(`/api/v1/products?pageToken=${encodeURIComponent(token)}`), 400);
    },
  );
});

describe('routes and docs', () => {
  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await http('/api/v1/nothing-here'), 404);
  });

  it('serves liveness and readiness', async () => {
    expect((await http('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await http<{ status: string; upstreams: Record<string, number> }>('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.upstreams).toEqual({ catalog: 1, inventory: 1, reviews: 1, orders: 1 });
  });

  it('serves an OpenAPI document generated from the controllers', async () => {
    const res = await http<{ openapi: string; paths: Record<string, unknown> }>('/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/products',
        '/api/v1/products/{id}',
        '/api/v1/orders',
        '/api/v1/orders/{id}',
        '/api/v1/orders/{id}/confirm',
        '/api/v1/me',
      ]),
    );
    // The edge's answers are documented on every route, with their headers.
    type Operation = { responses: Record<string, { headers?: Record<string, unknown> }> };
    const getProduct = (res.body.paths['/api/v1/products/{id}'] as { get: Operation }).get;
    expect(Object.keys(getProduct.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '429', '503', '504']),
    );
    expect(Object.keys(getProduct.responses['429'].headers ?? {})).toEqual(
      expect.arrayContaining(['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining']),
    );
    const ui = await http('/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
  });
});
