import { grpcServiceEnv } from '@junction/config';
import { z } from 'zod';

export const catalogConfigSchema = z.object({ ...grpcServiceEnv('CATALOG', 9101) });

export type CatalogConfig = z.output<typeof catalogConfigSchema>;
