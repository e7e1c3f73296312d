import { z } from 'zod';

/** A rate limit from Consul KV; a field left out keeps the value of the level above. */
export const rateLimitRuntimeSchema = z
  .object({
    points: z.number().int().min(1).max(1_000_000_000).optional(),
    durationS: z.number().int().min(1).max(86_400).optional(),
  })
  .strict();

/** One route's limit, or `false`: that route is not limited at all. */
export const routeRateLimitSchema = z.union([z.literal(false), rateLimitRuntimeSchema]);

export type RateLimitRuntime = z.output<typeof rateLimitRuntimeSchema>;
export type RouteRateLimit = z.output<typeof routeRateLimitSchema>;
