import { upstreamOverrideSchema } from '@junction/resilience';
import { z } from 'zod';

/**
 * Orders' runtime configuration, Consul KV `junction/config/orders`: client
 * policy and ejection changes per upstream, applied to the next call.
 *
 *   { "upstreams": { "inventory": { "timeoutMs": 800, "bulkhead": { "maxConcurrent": 50 },
 *                                   "ejection": { "consecutiveFailures": 3 } } } }
 */
export const ordersRuntimeSchema = z
  .object({
    upstreams: z
      .object({
        catalog: upstreamOverrideSchema.optional(),
        inventory: upstreamOverrideSchema.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type OrdersRuntime = z.output<typeof ordersRuntimeSchema>;

export const ORDERS_RUNTIME_KEY = 'junction/config/orders';
