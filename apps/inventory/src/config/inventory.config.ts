import { grpcServiceEnv } from '@junction/config';
import { databaseEnv } from '@junction/persistence';
import { z } from 'zod';

export const inventoryConfigSchema = z.object({
  ...grpcServiceEnv('INVENTORY', 9102),
  ...databaseEnv(),
});

export type InventoryConfig = z.output<typeof inventoryConfigSchema>;
