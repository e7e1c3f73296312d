import { GrpcCallError, type Middleware } from '@junction/grpc-client';
import type { GatewayRuntimeConfig } from './gateway-runtime';
import { activeRouteDeadline } from './route-deadline';

/** A call may not outlive the request it serves: the earlier deadline wins. */
export const routeDeadline = (): Middleware => (next) => (call) => {
  const deadline = activeRouteDeadline();
  if (deadline !== undefined && deadline < call.deadline) call.deadline = deadline;
  return next(call);
};

/** An upstream ops switched off fails at once, so optional sections degrade without a call. */
export const forceDegraded =
  (runtime: GatewayRuntimeConfig): Middleware =>
  (next) =>
  (call) => {
    if (runtime.isForcedDegraded(call.upstream)) {
      return Promise.reject(
        GrpcCallError.unavailable(
          `${call.upstream} is switched off by configuration`,
          call.upstream,
          call.path,
        ),
      );
    }
    return next(call);
  };
