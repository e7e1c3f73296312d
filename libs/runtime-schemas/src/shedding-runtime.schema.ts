import { z } from 'zod';

/** Load-shedding thresholds from Consul KV; a field left out keeps its environment value. */
export const sheddingRuntimeSchema = z
  .object({
    maxInFlight: z.number().int().min(1).max(1_000_000).optional(),
    maxEventLoopLagMs: z.number().int().min(1).max(60_000).optional(),
    retryAfterS: z.number().int().min(1).max(3600).optional(),
  })
  .strict();

export type SheddingRuntime = z.output<typeof sheddingRuntimeSchema>;
