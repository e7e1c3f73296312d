import { z } from 'zod';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** An RPC's name as the proto spells it, e.g. `GetProduct`. */
export const rpcName = () =>
  z.string().regex(/^[A-Z]\w*$/, 'must be an RPC name such as GetProduct');

/** opossum's knobs, named for what they mean. */
const breakerFields = {
  /** Rolling window the error percentage is measured over. */
  windowMs: int(1_000, 600_000),
  /** Buckets the window is split into; the oldest drops out as time passes. */
  buckets: int(1, 100),
  /** Opens when more than this share of calls in the window failed… */
  errorThresholdPercent: int(1, 100),
  /** …and at least this many calls were made (a few failures at night open nothing). */
  minimumVolume: int(1, 100_000),
  /** Open this long, then half-open: one probe call decides. */
  resetTimeoutMs: int(100, 600_000),
};

const retryFields = {
  /** Attempts in all, the first included; 1 turns retries off. */
  maxAttempts: int(1, 5),
  /** Full-jitter backoff: attempt n waits random(0, min(max, initial × 2^(n-1))). */
  initialBackoffMs: int(1, 10_000),
  maxBackoffMs: int(1, 60_000),
  /** Retries may be at most this share of calls in the window… */
  budgetPercent: int(0, 100),
  budgetWindowMs: int(1_000, 600_000),
  /** …plus this many, so a quiet client can still retry at all. */
  minRetriesPerWindow: int(0, 1_000),
};

const bulkheadFields = {
  /** Calls in flight to the upstream at once; more fail fast. */
  maxConcurrent: int(1, 100_000),
};

const DEFAULTS = {
  /** Each attempt's gRPC deadline, capped by the request's remaining budget. */
  timeoutMs: 2_000,
  methodTimeoutsMs: {} as Record<string, number>,
  retryAlso: [] as string[],
  breaker: {
    windowMs: 10_000,
    buckets: 10,
    errorThresholdPercent: 50,
    minimumVolume: 10,
    resetTimeoutMs: 5_000,
  },
  retry: {
    maxAttempts: 3,
    initialBackoffMs: 25,
    maxBackoffMs: 250,
    budgetPercent: 20,
    budgetWindowMs: 10_000,
    minRetriesPerWindow: 10,
  },
  bulkhead: { maxConcurrent: 200 },
};

/**
 * What runtime config (Consul KV) may change for one upstream: any field,
 * each sub-policy field by field. It has no defaults of its own, so an unset
 * field keeps the base policy's value.
 */
export const clientPolicyOverrideSchema = z
  .object({
    timeoutMs: int(1, 120_000).optional(),
    /** Per-method overrides of timeoutMs, by RPC name (e.g. `GetProduct`). */
    methodTimeoutsMs: z.record(rpcName(), int(1, 120_000)).optional(),
    /** Methods with side effects that are still safe to retry (idempotent by key). */
    retryAlso: z.array(rpcName()).optional(),
    breaker: z.object(breakerFields).partial().strict().optional(),
    retry: z.object(retryFields).partial().strict().optional(),
    bulkhead: z.object(bulkheadFields).partial().strict().optional(),
  })
  .strict();

export type ClientPolicyOverride = z.output<typeof clientPolicyOverrideSchema>;

/** Every resilience parameter of one upstream client: what is given, else the defaults. */
export const clientPolicySchema = clientPolicyOverrideSchema.transform((given) => ({
  timeoutMs: given.timeoutMs ?? DEFAULTS.timeoutMs,
  methodTimeoutsMs: given.methodTimeoutsMs ?? DEFAULTS.methodTimeoutsMs,
  retryAlso: given.retryAlso ?? DEFAULTS.retryAlso,
  breaker: { ...DEFAULTS.breaker, ...given.breaker },
  retry: { ...DEFAULTS.retry, ...given.retry },
  bulkhead: { ...DEFAULTS.bulkhead, ...given.bulkhead },
}));

export type ClientPolicy = z.output<typeof clientPolicySchema>;
export type BreakerPolicy = ClientPolicy['breaker'];
export type RetryPolicy = ClientPolicy['retry'];
export type BulkheadPolicy = ClientPolicy['bulkhead'];

export const defaultClientPolicy = (): ClientPolicy => clientPolicySchema.parse({});
