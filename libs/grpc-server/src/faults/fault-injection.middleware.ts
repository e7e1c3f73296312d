import { trace } from '@opentelemetry/api';
import { activeDeadline } from '@junction/resilience';
import type { ServerCall, ServerHandler, ServerMiddleware } from '../server-call.types';
import { Status } from '../status.error';
import { decideFault, type FaultDecision, type RandomSource } from './fault-decision';
import type { FaultSource } from './fault-source';
import { injectedDelay } from './injected-delay';

export interface FaultInjectionOptions {
  readonly faults: FaultSource;
  /** This instance's registry id, for faults aimed at some instances only. */
  readonly instanceId?: string;
  readonly random?: RandomSource;
}

/**
 * Injects the configured latency and errors into this service's RPCs, before
 * the handler runs (an injected error skips it). It sits inside the trace and
 * deadline middleware, so faults show on the SERVER span and latency stops
 * at the inbound deadline. Health checks are answered by the transport, not
 * through the chain, so they are never faulted.
 */
export const faultInjection =
  ({ faults, instanceId, random = Math.random }: FaultInjectionOptions): ServerMiddleware =>
  (next) =>
  (call) => {
    const decision = decideFault(faults.current, { method: call.rpc.method, instanceId }, random);
    return decision ? faulted(decision, call, next) : next(call);
  };

async function faulted(
  decision: FaultDecision,
  call: ServerCall,
  next: ServerHandler,
): Promise<unknown> {
  annotateSpan(decision);
  if (decision.delayMs > 0) await injectedDelay(decision.delayMs, activeDeadline(), call.inbound);
  if (decision.error) throw decision.error;
  return next(call);
}

function annotateSpan({ delayMs, error }: FaultDecision): void {
  trace.getActiveSpan()?.setAttributes({
    'junction.fault.latency_ms': delayMs,
    ...(error ? { 'junction.fault.error': Status[error.code] } : {}),
  });
}
