import { z } from 'zod';

const positiveInt = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * Load-shedding thresholds from the environment, unless Consul KV says
 * otherwise. Far above a healthy gateway's numbers: shedding is for overload,
 * not for traffic shaping (that is the rate limiter's job).
 */
export const sheddingEnv = () => ({
  /** Requests the gateway works on at once; one more is refused with 503. */
  SHED_MAX_IN_FLIGHT: positiveInt(1_000_000, 1000),
  /** Mean event-loop delay over the last sample window above which requests are refused. */
  SHED_MAX_EVENT_LOOP_LAG_MS: positiveInt(60_000, 500),
  /** Retry-After of a shed request, in seconds. */
  SHED_RETRY_AFTER_S: positiveInt(3600, 1),
  /** How often the event-loop delay is sampled (and shedding state changes are logged). */
  SHED_LAG_SAMPLE_MS: z.coerce.number().int().min(10).max(60_000).default(500),
});

export type SheddingEnv = z.output<z.ZodObject<ReturnType<typeof sheddingEnv>>>;
