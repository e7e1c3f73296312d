import { faultConfigSchema, faultsKey, injectsFaults, NO_FAULTS } from './fault-config.schema';

const problems = (value: unknown): string[] => {
  const result = faultConfigSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
};

describe('faultConfigSchema', () => {
  it('injects nothing when the key is empty', () => {
    expect(NO_FAULTS).toEqual({
      latencyMs: 0,
      latencyJitterMs: 0,
      errorRate: 0,
      errorCode: 'UNAVAILABLE',
    });
    expect(injectsFaults(NO_FAULTS)).toBe(false);
  });

  it('accepts a complete configuration', () => {
    const config = faultConfigSchema.parse({
      latencyMs: 200,
      latencyJitterMs: 50,
      errorRate: 0.3,
      errorCode: 'RESOURCE_EXHAUSTED',
      pushbackMs: 500,
      methods: ['GetProduct'],
      instances: ['catalog-host-9101-a1b2c3'],
    });
    expect(config.errorCode).toBe('RESOURCE_EXHAUSTED');
    expect(injectsFaults(config)).toBe(true);
  });

  it('counts latency alone as a fault', () => {
    expect(injectsFaults(faultConfigSchema.parse({ latencyMs: 100 }))).toBe(true);
  });

  it('refuses unknown keys, so a typo is reported', () => {
    expect(problems({ errrorRate: 1 })).toEqual([expect.stringMatching(/errrorRate/)]);
  });

  it('refuses a rate outside 0..1 and negative latency', () => {
    expect(problems({ errorRate: 1.5, latencyMs: -1 })).toHaveLength(2);
  });

  it('refuses OK and names that are not gRPC codes', () => {
    expect(problems({ errorCode: 'OK' })).toHaveLength(1);
    expect(problems({ errorCode: 'unavailable' })).toHaveLength(1);
  });

  it('refuses a pushback on a code callers would not retry', () => {
    expect(problems({ errorRate: 1, errorCode: 'NOT_FOUND', pushbackMs: 100 })).toEqual([
      'pushbackMs: needs errorCode RESOURCE_EXHAUSTED or UNAVAILABLE',
    ]);
  });

  it('refuses empty or malformed method and instance lists', () => {
    expect(problems({ methods: [] })).toHaveLength(1);
    expect(problems({ methods: ['catalog.v1.CatalogService/GetProduct'] })).toHaveLength(1);
    expect(problems({ instances: [] })).toHaveLength(1);
  });

  it('keys each service under junction/faults/', () => {
    expect(faultsKey('catalog')).toBe('junction/faults/catalog');
  });
});
