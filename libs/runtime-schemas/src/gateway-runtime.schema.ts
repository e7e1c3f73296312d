import { upstreamOverrideSchema } from '@junction/resilience';
import { z } from 'zod';
import { rateLimitRuntimeSchema, routeRateLimitSchema } from './rate-limit-runtime.schema';
import { sheddingRuntimeSchema } from './shedding-runtime.schema';

/**
 * The gateway's runtime configuration, read from Consul KV
 * `junction/config/gateway` and applied without a restart:
 *
 *   { "routes":      { "GET /api/v1/products/:id": { "timeoutMs": 1500 } },
 *     "upstreams":   { "reviews": { "forceDegraded": true },
 *                      "catalog": { "breaker": { "resetTimeoutMs": 2000 } } },
 *     "degradation": { "catalogStaleMaxAgeMs": 60000 },
 *     "rateLimit":   { "points": 600, "durationS": 60 },
 *     "shedding":    { "maxInFlight": 1000 } }
 *
 * A route may also set its own `rateLimit` (`false`: not limited).
 *
 * Unknown keys are refused, so a typo is reported instead of ignored.
 */
export const gatewayRuntimeSchema = z
  .object({
    routes: z
      .record(
        z.string().regex(/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/, 'must be "<METHOD> <route>"'),
        z
          .object({
            timeoutMs: z.number().int().min(1).max(60_000).optional(),
            rateLimit: routeRateLimitSchema.optional(),
          })
          .strict(),
      )
      .default({}),
    // Per upstream: the force-degraded switch, any client policy field
    // (timeouts, breaker, retry, bulkhead) and outlier ejection over its defaults.
    upstreams: z
      .record(
        z.string().min(1),
        upstreamOverrideSchema.extend({ forceDegraded: z.boolean().default(false) }).strict(),
      )
      .default({}),
    degradation: z
      .object({
        /** The oldest cached catalog answer served when the catalog fails (0: none). */
        catalogStaleMaxAgeMs: z.number().int().min(0).max(86_400_000).optional(),
      })
      .strict()
      .default({}),
    /** Every route's rate limit over the environment's (RATE_LIMIT_*). */
    rateLimit: rateLimitRuntimeSchema.default({}),
    /** Load-shedding thresholds over the environment's (SHED_*). */
    shedding: sheddingRuntimeSchema.default({}),
  })
  .strict();

export type GatewayRuntime = z.output<typeof gatewayRuntimeSchema>;

export const GATEWAY_RUNTIME_KEY = 'junction/config/gateway';
