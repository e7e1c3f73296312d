import { runtimeSchemaOf } from './runtime-schemas';

describe('runtime schemas by app', () => {
  it('names the key and schema of the gateway and orders', () => {
    expect(runtimeSchemaOf('gateway')?.key).toBe('junction/config/gateway');
    expect(runtimeSchemaOf('orders')?.key).toBe('junction/config/orders');
    expect(runtimeSchemaOf('gateway')?.schema.safeParse({ routez: {} }).success).toBe(false);
    expect(runtimeSchemaOf('orders')?.schema.safeParse({}).success).toBe(true);
  });

  it('knows no schema for an app without runtime config, nor for inherited names', () => {
    expect(runtimeSchemaOf('catalog')).toBeUndefined();
    expect(runtimeSchemaOf('toString')).toBeUndefined();
  });
});
