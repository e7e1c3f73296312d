import { ConfigError, loadConfig } from '@junction/config';
import { inventoryConfigSchema } from './inventory.config';

describe('inventory config', () => {
  it('defaults to 127.0.0.1:50052 with a 10 s drain', () => {
    expect(loadConfig(inventoryConfigSchema, {})).toEqual({
      INVENTORY_HOST: '127.0.0.1',
      INVENTORY_PORT: 50052,
      LOG_LEVEL: 'info',
      DRAIN_TIMEOUT_MS: 10_000,
    });
  });

  it('reads INVENTORY_HOST and INVENTORY_PORT from the environment', () => {
    const config = loadConfig(inventoryConfigSchema, {
      INVENTORY_HOST: '0.0.0.0',
      INVENTORY_PORT: '50252',
    });
    expect(config).toMatchObject({ INVENTORY_HOST: '0.0.0.0', INVENTORY_PORT: 50252 });
  });

  it('rejects a port that is not a number, naming the variable', () => {
    expect(() => loadConfig(inventoryConfigSchema, { INVENTORY_PORT: 'http' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig(inventoryConfigSchema, { INVENTORY_PORT: 'http' })).toThrow(
      /INVENTORY_PORT/,
    );
  });
});
