import { millisField } from '@junction/config';
import { z } from 'zod';
import { trustProxyField } from './trust-proxy.field';

const isRedisUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
};

/**
 * Rate-limit settings from the environment: the limit of every route unless
 * Consul KV says otherwise, and where the counters live.
 */
export const rateLimitEnv = () => ({
  /** Requests one client (API key, else IP) may make to one route per window. */
  RATE_LIMIT_POINTS: z.coerce.number().int().min(1).max(1_000_000_000).default(600),
  /** The window, in seconds; it starts at a client's first request. */
  RATE_LIMIT_DURATION_S: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Counters in Redis, shared by every gateway replica; unset keeps them in
   * process memory. An empty value counts as unset (compose files like those).
   */
  REDIS_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().refine(isRedisUrl, 'must be a redis:// or rediss:// URL with a host').optional(),
  ),
  /** A Redis call slower than this counts as failed: the in-memory limiter answers instead. */
  REDIS_COMMAND_TIMEOUT_MS: millisField(100),
  /** Whose X-Forwarded-For to believe for the client IP (see trustProxyField). */
  TRUST_PROXY: trustProxyField,
});

export type RateLimitEnv = z.output<z.ZodObject<ReturnType<typeof rateLimitEnv>>>;
