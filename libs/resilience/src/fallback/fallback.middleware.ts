import { GrpcCallError, isUpstreamFailure, type Middleware } from '@junction/grpc-client';
import type { ResilienceEvents } from '../resilience-events';
import { annotateCall } from '../span-annotation';

/**
 * Answers with the caller's fallback (`CallOptions.fallback`, e.g. a cached
 * copy) when the call failed: the upstream failed, or the client refused to
 * call it (breaker open, shed, budget spent). Business answers (NOT_FOUND,
 * INVALID_ARGUMENT, …) are answers and pass through. Each use is reported
 * and marked on the span.
 */
export const fallback =
  (events: ResilienceEvents = {}): Middleware =>
  (next) =>
  async (call) => {
    if (!call.fallback) return next(call);
    try {
      return await next(call);
    } catch (error) {
      if (!(error instanceof GrpcCallError) || !(error.local || isUpstreamFailure(error))) {
        throw error;
      }
      events.fellBack?.(call, error);
      annotateCall({ 'junction.fallback': true, 'junction.fallback.cause': error.message });
      return call.fallback(error);
    }
  };
