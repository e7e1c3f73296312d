import { loadConfig } from '@junction/config';
import { inventoryConfigSchema, stockReadTtlMs } from './inventory.config';

// Parsing, ranges and errors are grpcServiceEnv's, tested in libs/config.
describe('inventory config', () => {
  it('defaults to 127.0.0.1:9102 with a 10 s drain', () => {
    expect(loadConfig(inventoryConfigSchema, {})).toMatchObject({
      INVENTORY_HOST: '127.0.0.1',
      INVENTORY_PORT: 9102,
      LOG_LEVEL: 'info',
      DRAIN_TIMEOUT_MS: 10_000,
    });
  });

  it('never expires stock reads on the embedded database, whose only writer is this process', () => {
    const config = loadConfig(inventoryConfigSchema, { STOCK_READ_CACHE_TTL_MS: '0' });
    expect(stockReadTtlMs(config)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps stock reads for STOCK_READ_CACHE_TTL_MS on a shared server, 1 s by default', () => {
    const server = { DATABASE_URL: 'postgres://db/shop' };
    expect(stockReadTtlMs(loadConfig(inventoryConfigSchema, server))).toBe(1000);
    const uncached = { ...server, STOCK_READ_CACHE_TTL_MS: '0' };
    expect(stockReadTtlMs(loadConfig(inventoryConfigSchema, uncached))).toBe(0);
  });

  it('refuses a stock read TTL above a minute', () => {
    expect(() => loadConfig(inventoryConfigSchema, { STOCK_READ_CACHE_TTL_MS: '60001' })).toThrow(
      /STOCK_READ_CACHE_TTL_MS/,
    );
  });
});
