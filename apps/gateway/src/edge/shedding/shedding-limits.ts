import type { SheddingLimits } from './load-shedder';
import type { SheddingEnv } from './shedding.env';
import type { SheddingRuntime } from '@junction/runtime-schemas';

/**
 * The thresholds in force: Consul KV's fields over the environment's. Merged
 * once per configuration change (runtime config hands out the same object
 * until then), not once per request.
 */
export function sheddingLimits(
  env: SheddingEnv,
  runtime: { shedding(): SheddingRuntime },
): () => SheddingLimits {
  let source: SheddingRuntime | undefined;
  let limits: SheddingLimits | undefined;
  return () => {
    const current = runtime.shedding();
    if (current !== source || limits === undefined) {
      source = current;
      limits = {
        maxInFlight: current.maxInFlight ?? env.SHED_MAX_IN_FLIGHT,
        maxEventLoopLagMs: current.maxEventLoopLagMs ?? env.SHED_MAX_EVENT_LOOP_LAG_MS,
        retryAfterS: current.retryAfterS ?? env.SHED_RETRY_AFTER_S,
      };
    }
    return limits;
  };
}
