export { withDeadline, activeDeadline } from './deadline/deadline-budget';
export { deadline } from './deadline/deadline.middleware';
export { circuitBreakers, type CircuitBreakers } from './breaker/circuit-breaker.middleware';
export {
  breakerForceSchema,
  breakerForceKey,
  forcedStateOf,
  type BreakerForce,
  type ForcedBreakerState,
} from './breaker/breaker-force.schema';
export {
  watchBreakerForces,
  type BreakerForces,
  type BreakerForceWatchOptions,
} from './breaker/breaker-force.watch';
export { retry, type RetryOptions } from './retry/retry.middleware';
export { RetryBudget } from './retry/retry-budget';
export { fullJitterBackoff } from './retry/backoff';
export { bulkhead } from './bulkhead/bulkhead.middleware';
export { fallback } from './fallback/fallback.middleware';
export {
  clientPolicySchema,
  clientPolicyOverrideSchema,
  defaultClientPolicy,
  rpcName,
  type ClientPolicy,
  type ClientPolicyOverride,
  type BreakerPolicy,
  type RetryPolicy,
  type BulkheadPolicy,
} from './policy/client-policy.schema';
export { applyOverride, livePolicy } from './policy/policy-override';
export type { ResilienceEvents, BreakerState, RejectionCause } from './resilience-events';
export { resilientChain, type ResilientChain, type ResilientChainOptions } from './resilient-chain';
export { LastGoodCache, type LastGoodCacheOptions } from './fallback/last-good.cache';
export {
  upstreamPolicy,
  upstreamOverrideSchema,
  type UpstreamOverride,
  type UpstreamPolicy,
  type UpstreamPolicyOptions,
} from './upstream-policy';
