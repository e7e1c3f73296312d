import { ordersRuntimeSchema } from './orders-runtime.schema';

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
    expect(
      ordersRuntimeSchema.parse({
        upstreams: { catalog: { ejection: { consecutiveFailures: 3 } } },
      }).upstreams.catalog?.ejection,
    ).toEqual({ consecutiveFailures: 3 });
  });

  it.each([
    [{ upstreams: { reviews: {} } }],
    [{ upstreams: { inventory: { bulkhead: { max: 1 } } } }],
    [{ upstream: {} }],
    [{ upstreams: { catalog: { ejection: { consecutive: 3 } } } }],
  ])('refuses %j', (json) => {
    expect(ordersRuntimeSchema.safeParse(json).success).toBe(false);
  });
});
