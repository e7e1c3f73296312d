import { loadConfig } from '@junction/config';
import { inventoryConfigSchema } from './inventory.config';

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
});
