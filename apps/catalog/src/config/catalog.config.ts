import { hostField, logLevelField, millisField, portField } from '@junction/config';
import { z } from 'zod';

export const catalogConfigSchema = z.object({
  CATALOG_HOST: hostField('127.0.0.1'),
  CATALOG_PORT: portField(50051),
  LOG_LEVEL: logLevelField,
  DRAIN_TIMEOUT_MS: millisField(10_000),
});

export type CatalogConfig = z.output<typeof catalogConfigSchema>;
