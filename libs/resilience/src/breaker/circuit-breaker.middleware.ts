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
import { forcedStateOf, type BreakerForce } from './breaker-force.schema';

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
 *
 * Ops may force a method's breaker (`force`, read per call, see
 * breakerForceSchema): forced open refuses every call exactly as an open
 * breaker does; forced closed passes every call straight on, so it never
 * opens and nothing is counted. Opossum's own state is left alone either
 * way, so back on auto the breaker is what it was.
 */
export function circuitBreakers(
  policy: () => ClientPolicy,
  events: ResilienceEvents = {},
  force: () => BreakerForce | undefined = () => undefined,
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

  const refuse = (call: UnaryCall, breaker: string, why: string): GrpcCallError => {
    events.rejected?.(call, 'breaker-open');
    annotateCall({ 'junction.rejected': 'breaker-open', 'junction.breaker': breaker });
    return GrpcCallError.local(
      GrpcStatus.UNAVAILABLE,
      `${call.upstream} ${why}; calls to it are paused (circuit open)`,
      call,
      'CIRCUIT_OPEN',
      // At the latest then, a probe (or ops) decides whether calls resume.
      policy().breaker.resetTimeoutMs,
    );
  };

  const middleware: Middleware = (next) => async (call) => {
    const forced = forcedStateOf(force(), call.method.name);
    if (forced === 'closed') return next(call);
    const { circuit } = breakerFor(call, next);
    if (forced === 'open') throw refuse(call, 'forced-open', 'is held open by ops');
    try {
      return await circuit.fire(call);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EOPENBREAKER') throw error;
      throw refuse(call, stateOf(circuit), 'is failing');
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
