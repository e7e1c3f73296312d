import { GrpcCallError, GrpcStatus, type Middleware } from '@junction/grpc-client';
import type { GatewayRuntimeConfig } from './gateway-runtime';

/** An upstream ops switched off fails at once, so optional sections degrade without a call. */
export const forceDegraded =
  (runtime: GatewayRuntimeConfig): Middleware =>
  (next) =>
  (call) => {
    if (runtime.isForcedDegraded(call.upstream)) {
      return Promise.reject(
        // Local: ops' switch is no failure of the upstream, and must not
        // open its breaker.
        GrpcCallError.local(
          GrpcStatus.UNAVAILABLE,
          `${call.upstream} is switched off by configuration`,
          call,
          'FORCED_DEGRADED',
        ),
      );
    }
    return next(call);
  };
