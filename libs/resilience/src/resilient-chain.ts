import { callerClient, chain, traceClient, type Middleware } from '@junction/grpc-client';
import type { BreakerForce } from './breaker/breaker-force.schema';
import { circuitBreakers, type CircuitBreakers } from './breaker/circuit-breaker.middleware';
import { bulkhead } from './bulkhead/bulkhead.middleware';
import { deadline } from './deadline/deadline.middleware';
import { fallback } from './fallback/fallback.middleware';
import type { ClientPolicy } from './policy/client-policy.schema';
import type { ResilienceEvents } from './resilience-events';
import { retry } from './retry/retry.middleware';

export interface ResilientChainOptions {
  /** Read on every call, so live config changes apply to the next one. */
  readonly policy: () => ClientPolicy;
  readonly events?: ResilienceEvents;
  /**
   * The caller's own switches (e.g. the gateway's force-degraded), placed
   * inside the fallback so a switched-off upstream still gets its fallback.
   */
  readonly switches?: readonly Middleware[];
  /**
   * What measures each logical call (e.g. rpcClientMetrics from
   * @junction/metrics): inside the fallback and outside every policy, so it
   * sees each call once, with the outcome a fallback would hide.
   */
  readonly instruments?: readonly Middleware[];
  /** Ops' forced breaker states of this upstream (Consul KV), read per call. */
  readonly breakerForce?: () => BreakerForce | undefined;
}

export interface ResilientChain {
  readonly middleware: Middleware;
  /** This client's breakers, for state reports and shutdown. */
  readonly breakers: CircuitBreakers;
}

/**
 * The client chain every upstream call goes through, declared once,
 * outermost first. Below it the invoker's balancer picks a live instance
 * (outlier ejection and server pushback live there), then the transport.
 *
 *   trace       CLIENT span, traceparent out; the policies below mark it
 *   caller      the verified caller's signed token out (none for anonymous requests)
 *   fallback    the caller's answer when all else failed, counted
 *   instruments RED of each logical call, before a fallback hides its outcome
 *   switches    the caller's own (e.g. force-degraded)
 *   bulkhead    at most N in flight to the upstream; beyond, shed
 *   breaker     per method; open (or forced open) → fail in microseconds
 *   retry       safe methods only, other instance, jittered, budgeted
 *   deadline    min(method timeout, remaining request budget) per attempt
 */
export function resilientChain({
  policy,
  events = {},
  switches = [],
  instruments = [],
  breakerForce,
}: ResilientChainOptions): ResilientChain {
  const breakers = circuitBreakers(policy, events, breakerForce);
  const middleware = chain(
    traceClient(),
    callerClient(),
    fallback(events),
    ...instruments,
    ...switches,
    bulkhead(policy, events),
    breakers.middleware,
    retry(policy, { events }),
    deadline(policy, events),
  );
  return { middleware, breakers };
}
