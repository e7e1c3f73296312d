import { Logger } from '@nestjs/common';
import {
  outlierEjectionOverrideSchema,
  runtimeConfig,
  type DiscoverySettings,
} from '@junction/discovery';
import { clientPolicyOverrideSchema } from '@junction/resilience';
import { z } from 'zod';

/**
 * Orders' runtime configuration, Consul KV `junction/config/orders`: client
 * policy changes per upstream, applied to the next call.
 *
 *   { "upstreams": { "inventory": { "timeoutMs": 800, "bulkhead": { "maxConcurrent": 50 },
 *                                   "ejection": { "consecutiveFailures": 3 } } } }
 */
/** Any client policy field, and outlier ejection, over the defaults. */
const upstreamOverride = clientPolicyOverrideSchema
  .extend({ ejection: outlierEjectionOverrideSchema.optional() })
  .strict();

export const ordersRuntimeSchema = z
  .object({
    upstreams: z
      .object({ catalog: upstreamOverride.optional(), inventory: upstreamOverride.optional() })
      .strict()
      .default({}),
  })
  .strict();
export type OrdersRuntime = z.output<typeof ordersRuntimeSchema>;
export const ORDERS_RUNTIME_KEY = 'junction/config/orders';

/** The live overrides of orders' upstream policies. */
export interface OrdersRuntimeConfig {
  upstreamOverride(upstream: string): OrdersRuntime['upstreams']['catalog'];
  stop(): Promise<void>;
}

export function ordersRuntimeConfig(discovery: DiscoverySettings): OrdersRuntimeConfig {
  const log = new Logger('RuntimeConfig');
  const config = runtimeConfig(discovery, {
    key: ORDERS_RUNTIME_KEY,
    schema: ordersRuntimeSchema,
    onChange: (value) => log.log(`applied ${ORDERS_RUNTIME_KEY}: ${JSON.stringify(value)}`),
    onInvalid: (problem) => log.warn(`${problem}; keeping the last good configuration`),
    onError: (error, failures) =>
      failures === 1 && log.warn(`watching ${ORDERS_RUNTIME_KEY} failed: ${String(error)}`),
  });
  return {
    upstreamOverride: (upstream) =>
      config.current.upstreams[upstream as keyof OrdersRuntime['upstreams']],
    stop: () => config.stop(),
  };
}
