import { z } from 'zod';

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** opossum's knobs, named for what they mean. */
export const breakerPolicySchema = z
  .object({
    /** Rolling window the error percentage is measured over. */
    windowMs: int(1_000, 600_000).default(10_000),
    /** Buckets the window is split into; the oldest drops out as time passes. */
    buckets: int(1, 100).default(10),
    /** Opens when more than this share of calls in the window failed… */
    errorThresholdPercent: int(1, 100).default(50),
    /** …and at least this many calls were made (a few failures at night open nothing). */
    minimumVolume: int(1, 100_000).default(10),
    /** Open this long, then half-open: one probe call decides. */
    resetTimeoutMs: int(100, 600_000).default(5_000),
  })
  .strict();

export const retryPolicySchema = z
  .object({
    /** Attempts in all, the first included; 1 turns retries off. */
    maxAttempts: int(1, 5).default(3),
    /** Full-jitter backoff: attempt n waits random(0, min(max, initial × 2^(n-1))). */
    initialBackoffMs: int(1, 10_000).default(25),
    maxBackoffMs: int(1, 60_000).default(250),
    /** Retries may be at most this share of calls in the window… */
    budgetPercent: int(0, 100).default(20),
    budgetWindowMs: int(1_000, 600_000).default(10_000),
    /** …plus this many, so a quiet client can still retry at all. */
    minRetriesPerWindow: int(0, 1_000).default(10),
  })
  .strict();

export const bulkheadPolicySchema = z
  .object({
    /** Calls in flight to the upstream at once; more fail fast. */
    maxConcurrent: int(1, 100_000).default(200),
  })
  .strict();

/** Every resilience parameter of one upstream client, with its defaults. */
export const clientPolicySchema = z
  .object({
    /** Each attempt's gRPC deadline, capped by the request's remaining budget. */
    timeoutMs: int(1, 120_000).default(2_000),
    /** Per-method overrides of timeoutMs, by RPC name (e.g. `GetProduct`). */
    methodTimeoutsMs: z.record(z.string().regex(/^[A-Z]\w*$/), int(1, 120_000)).default({}),
    /** Methods with side effects that are still safe to retry (idempotent by key). */
    retryAlso: z.array(z.string().regex(/^[A-Z]\w*$/)).default([]),
    breaker: breakerPolicySchema.default(breakerPolicySchema.parse({})),
    retry: retryPolicySchema.default(retryPolicySchema.parse({})),
    bulkhead: bulkheadPolicySchema.default(bulkheadPolicySchema.parse({})),
  })
  .strict();

export type ClientPolicy = z.output<typeof clientPolicySchema>;
export type BreakerPolicy = ClientPolicy['breaker'];
export type RetryPolicy = ClientPolicy['retry'];
export type BulkheadPolicy = ClientPolicy['bulkhead'];

/**
 * What runtime config (Consul KV) may change for one upstream: any field,
 * each sub-policy field by field; unset fields keep the base policy's value.
 */
export const clientPolicyOverrideSchema = z
  .object({
    timeoutMs: int(1, 120_000).optional(),
    methodTimeoutsMs: z.record(z.string().regex(/^[A-Z]\w*$/), int(1, 120_000)).optional(),
    retryAlso: z.array(z.string().regex(/^[A-Z]\w*$/)).optional(),
    breaker: breakerPolicySchema.partial().strict().optional(),
    retry: retryPolicySchema.partial().strict().optional(),
    bulkhead: bulkheadPolicySchema.partial().strict().optional(),
  })
  .strict();

export type ClientPolicyOverride = z.output<typeof clientPolicyOverrideSchema>;

export const defaultClientPolicy = (): ClientPolicy => clientPolicySchema.parse({});
