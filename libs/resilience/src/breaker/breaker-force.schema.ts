import { z } from 'zod';
import { rpcName } from '../policy/client-policy.schema';

const forcedState = z.enum(['open', 'closed']);
export type ForcedBreakerState = z.output<typeof forcedState>;

/**
 * Ops' forced breaker states for one upstream, Consul KV
 * `junction/breakers/<upstream>`, obeyed by every caller of that upstream:
 *
 *   { "state": "open", "methods": { "GetSummary": "closed" } }
 *
 * `state` forces every method; a method's own entry wins over it; absent
 * means auto (the breaker's own state). Forced open fails each call at once
 * as an open breaker does; forced closed never opens. Unknown keys are
 * refused, so a typo is reported instead of ignored.
 */
export const breakerForceSchema = z
  .object({
    state: forcedState.optional(),
    methods: z.record(rpcName(), forcedState).default({}),
  })
  .strict();

export type BreakerForce = z.output<typeof breakerForceSchema>;

/** The KV key of `upstream`'s forced breaker states. */
export const breakerForceKey = (upstream: string): string => `junction/breakers/${upstream}`;

/** What `method`'s breaker is forced to (its own entry first), or undefined: auto. */
export const forcedStateOf = (
  force: BreakerForce | undefined,
  method: string,
): ForcedBreakerState | undefined => force?.methods[method] ?? force?.state;
