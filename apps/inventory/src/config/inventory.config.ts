import { grpcServiceEnv } from '@junction/config';
import { z } from 'zod';

export const inventoryConfigSchema = z.object({ ...grpcServiceEnv('INVENTORY', 9102) });

export type InventoryConfig = z.output<typeof inventoryConfigSchema>;
