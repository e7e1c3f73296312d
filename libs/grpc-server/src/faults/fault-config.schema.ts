import { z } from 'zod';
import type { Status } from '../status.error';

/** Every gRPC code but OK, by name: what an injected failure may answer. */
const ERROR_CODES = [
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const satisfies readonly (keyof typeof Status)[];

/** The codes that tell a caller "try again later", so only they may carry a pushback. */
export const PUSHBACK_CODES: ReadonlySet<string> = new Set(['RESOURCE_EXHAUSTED', 'UNAVAILABLE']);

const MAX_MS = 60_000;
const millis = () => z.number().int().min(0).max(MAX_MS);

/**
 * Faults a service injects into its own RPCs, read from Consul KV
 * `junction/faults/<service>` so a demo or test can watch the platform react:
 *
 *   { "latencyMs": 200, "latencyJitterMs": 100, "errorRate": 0.3,
 *     "errorCode": "UNAVAILABLE", "pushbackMs": 500,
 *     "methods": ["GetProduct"], "instances": ["catalog-host-9101-a1b2c3"] }
 *
 * Everything defaults to off. Unknown keys are refused, so a typo is
 * reported instead of silently injecting nothing.
 */
export const faultConfigSchema = z
  .object({
    latencyMs: millis().default(0),
    /** Adds 0..latencyJitterMs, uniformly, to latencyMs. */
    latencyJitterMs: millis().default(0),
    /** Share of calls answered with errorCode instead of running the handler. */
    errorRate: z.number().min(0).max(1).default(0),
    errorCode: z.enum(ERROR_CODES).default('UNAVAILABLE'),
    /** gRPC retry pushback (`grpc-retry-pushback-ms`) on the injected errors. */
    pushbackMs: millis().optional(),
    /** Only these RPCs (by name, e.g. GetProduct); all when absent. */
    methods: z
      .array(z.string().regex(/^[A-Za-z_]\w*$/, 'must be an RPC name such as GetProduct'))
      .min(1)
      .optional(),
    /** Only these instances (registry instance ids); all when absent. */
    instances: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((config) => config.pushbackMs === undefined || PUSHBACK_CODES.has(config.errorCode), {
    path: ['pushbackMs'],
    message: 'needs errorCode RESOURCE_EXHAUSTED or UNAVAILABLE',
  });

export type FaultConfig = z.output<typeof faultConfigSchema>;

/** No latency, no errors. */
export const NO_FAULTS: FaultConfig = faultConfigSchema.parse({});

/** The Consul KV key holding one service's faults. */
export const faultsKey = (service: string): string => `junction/faults/${service}`;

/** True when the configuration injects anything at all. */
export const injectsFaults = (config: FaultConfig): boolean =>
  config.errorRate > 0 || config.latencyMs > 0 || config.latencyJitterMs > 0;
