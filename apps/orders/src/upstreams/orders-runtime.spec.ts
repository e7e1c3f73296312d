import { ordersRuntimeSchema } from './orders-runtime';

describe('orders runtime schema', () => {
  it('takes client policy changes for catalog and inventory', () => {
    const runtime = ordersRuntimeSchema.parse({
      upstreams: { inventory: { timeoutMs: 800, bulkhead: { maxConcurrent: 50 } } },
    });
    expect(runtime.upstreams.inventory).toEqual({
      timeoutMs: 800,
      bulkhead: { maxConcurrent: 50 },
    });
    expect(ordersRuntimeSchema.parse({}).upstreams).toEqual({});
  });

  it.each([
    [{ upstreams: { reviews: {} } }],
    [{ upstreams: { inventory: { bulkhead: { max: 1 } } } }],
    [{ upstream: {} }],
  ])('refuses %j', (json) => {
    expect(ordersRuntimeSchema.safeParse(json).success).toBe(false);
  });
});
