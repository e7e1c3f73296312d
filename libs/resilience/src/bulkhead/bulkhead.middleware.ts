import { GrpcCallError, GrpcStatus, type Middleware } from '@junction/grpc-client';
import type { ClientPolicy } from '../policy/client-policy.schema';
import type { ResilienceEvents } from '../resilience-events';
import { annotateCall } from '../span-annotation';

/**
 * Caps the calls in flight to one upstream, so a slow upstream ties up at
 * most that many of the caller's resources. Beyond the cap a call fails at
 * once as a local UNAVAILABLE: shed, never counted against the upstream's
 * breaker (it did nothing wrong).
 */
export const bulkhead = (policy: () => ClientPolicy, events: ResilienceEvents = {}): Middleware => {
  let inFlight = 0;
  return (next) => async (call) => {
    const { maxConcurrent } = policy().bulkhead;
    if (inFlight >= maxConcurrent) {
      events.rejected?.(call, 'bulkhead-full');
      annotateCall({ 'junction.rejected': 'bulkhead-full' });
      throw GrpcCallError.local(
        GrpcStatus.UNAVAILABLE,
        `${call.upstream} has ${maxConcurrent} calls in flight already; this one was shed`,
        call,
        'BULKHEAD_FULL',
      );
    }
    inFlight += 1;
    try {
      return await next(call);
    } finally {
      inFlight -= 1;
    }
  };
};
