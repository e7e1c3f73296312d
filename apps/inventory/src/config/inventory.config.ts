import { grpcServiceEnv } from '@junction/config';
import { databaseEnv } from '@junction/persistence';
import { z } from 'zod';

export const inventoryConfigSchema = z.object({
  ...grpcServiceEnv('INVENTORY', 9102),
  ...databaseEnv(),
  // With DATABASE_URL set, other instances reserve too: how long a stock
  // read may be answered from memory before it is read again (0: every
  // read is a query). Embedded, this instance is the only writer and its
  // reads are exact whatever this says.
  STOCK_READ_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});

export type InventoryConfig = z.output<typeof inventoryConfigSchema>;

/**
 * How long a stock read stays valid in memory. Embedded, the lock file makes
 * this process the database's only writer, so only its own writes (which
 * invalidate what they touch) can change stock: reads never expire.
 */
export const stockReadTtlMs = (config: InventoryConfig): number =>
  config.DATABASE_URL === undefined ? Number.POSITIVE_INFINITY : config.STOCK_READ_CACHE_TTL_MS;
