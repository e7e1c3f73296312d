import { hostField, logLevelField, millisField, portField } from '@junction/config';
import { z } from 'zod';

export const inventoryConfigSchema = z.object({
  INVENTORY_HOST: hostField('127.0.0.1'),
  INVENTORY_PORT: portField(50052),
  LOG_LEVEL: logLevelField,
  DRAIN_TIMEOUT_MS: millisField(10_000),
});

export type InventoryConfig = z.output<typeof inventoryConfigSchema>;
