import CircuitBreaker from 'opossum';
import {
  GrpcCallError,
  GrpcStatus,
  isUpstreamFailure,
  type Middleware,
  type UnaryCall,
  type UnaryHandler,
} from '@junction/grpc-client';
import type { BreakerPolicy, ClientPolicy } from '../policy/client-policy.schema';
import type { BreakerState, ResilienceEvents } from '../resilience-events';
import { annotateCall } from '../span-annotation';

interface Breaker {
  readonly options: BreakerPolicy;
  readonly circuit: CircuitBreaker<[UnaryCall], unknown>;
}

/** What a breaker middleware exposes besides the middleware itself. */
export interface CircuitBreakers {
  readonly middleware: Middleware;
  /** Each method's breaker state, by RPC name; for dashboards and tests. */
  states(): Record<string, BreakerState>;
  /** Stops the breakers' rolling-window timers. */
  close(): void;
}

const stateOf = (circuit: CircuitBreaker): BreakerState =>
  circuit.opened ? 'open' : circuit.halfOpen ? 'half-open' : 'closed';

/**
 * One opossum breaker per method of the upstream, owned by this client (no
 * global registry). Only upstream failures from the one failure list count
 * (opossum's errorFilter says which errors to *ignore*, hence the negation);
 * an open breaker fails a call at once with a local UNAVAILABLE. Time limits
 * are the deadline middleware's job, so opossum's own timeout is off. When
 * live config changes a method's breaker options, its breaker starts afresh.
 */
export function circuitBreakers(
  policy: () => ClientPolicy,
  events: ResilienceEvents = {},
): CircuitBreakers {
  const breakers = new Map<string, Breaker>();

  const create = (upstream: string, method: string, next: UnaryHandler, options: BreakerPolicy) => {
    const circuit = new CircuitBreaker<[UnaryCall], unknown>(next, {
      timeout: false,
      rollingCountTimeout: options.windowMs,
      rollingCountBuckets: options.buckets,
      errorThresholdPercentage: options.errorThresholdPercent,
      volumeThreshold: options.minimumVolume,
      resetTimeout: options.resetTimeoutMs,
      errorFilter: (error: unknown) => !isUpstreamFailure(error),
    });
    const report = (state: BreakerState) => () =>
      events.breakerStateChanged?.(upstream, method, state);
    circuit.on('open', report('open'));
    circuit.on('halfOpen', report('half-open'));
    circuit.on('close', report('closed'));
    return { options, circuit };
  };

  const breakerFor = (call: UnaryCall, next: UnaryHandler): Breaker => {
    const options = policy().breaker;
    let breaker = breakers.get(call.method.name);
    if (breaker?.options !== options) {
      const replaced = breaker && stateOf(breaker.circuit);
      breaker?.circuit.shutdown();
      breaker = create(call.upstream, call.method.name, next, options);
      breakers.set(call.method.name, breaker);
      // The new breaker starts closed: say so, or dashboards keep the old state.
      if (replaced && replaced !== 'closed') {
        events.breakerStateChanged?.(call.upstream, call.method.name, 'closed');
      }
    }
    return breaker;
  };

  const middleware: Middleware = (next) => async (call) => {
    const { circuit } = breakerFor(call, next);
    try {
      return await circuit.fire(call);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EOPENBREAKER') throw error;
      events.rejected?.(call, 'breaker-open');
      annotateCall({ 'junction.rejected': 'breaker-open', 'junction.breaker': stateOf(circuit) });
      throw GrpcCallError.local(
        GrpcStatus.UNAVAILABLE,
        `${call.upstream} is failing; calls to it are paused (circuit open)`,
        call,
        'CIRCUIT_OPEN',
        // At the latest then, a probe decides whether calls resume.
        policy().breaker.resetTimeoutMs,
      );
    }
  };

  return {
    middleware,
    states: () =>
      Object.fromEntries([...breakers].map(([method, { circuit }]) => [method, stateOf(circuit)])),
    close: () => {
      for (const { circuit } of breakers.values()) circuit.shutdown();
      breakers.clear();
    },
  };
}
