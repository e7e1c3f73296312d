import { z } from 'zod';

/**
 * The gateway's runtime configuration, read from Consul KV
 * `junction/config/gateway` and applied without a restart:
 *
 *   { "routes":    { "GET /api/v1/products/:id": { "timeoutMs": 1500 } },
 *     "upstreams": { "reviews": { "forceDegraded": true } } }
 *
 * Unknown keys are refused, so a typo is reported instead of ignored.
 */
export const gatewayRuntimeSchema = z
  .object({
    routes: z
      .record(
        z.string().regex(/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/, 'must be "<METHOD> <route>"'),
        z.object({ timeoutMs: z.number().int().min(1).max(60_000) }).strict(),
      )
      .default({}),
    upstreams: z
      .record(z.string().min(1), z.object({ forceDegraded: z.boolean().default(false) }).strict())
      .default({}),
  })
  .strict();

export type GatewayRuntime = z.output<typeof gatewayRuntimeSchema>;

export const GATEWAY_RUNTIME_KEY = 'junction/config/gateway';
