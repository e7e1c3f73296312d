import { GrpcCallError, GrpcStatus, type Middleware } from '@junction/grpc-client';
import type { ClientPolicy } from '../policy/client-policy.schema';
import type { ResilienceEvents } from '../resilience-events';
import { annotateCall } from '../span-annotation';
import { activeDeadline } from './deadline-budget';

/**
 * Gives each attempt its gRPC deadline: the method's timeout from now,
 * capped by the call's own deadline and by the request's remaining budget
 * (the route's at the gateway, the inbound call's in a service). Once the
 * budget is spent no call is started: the answer is DEADLINE_EXCEEDED at
 * once (504 at the edge), not a doomed request on the wire.
 */
export const deadline =
  (policy: () => ClientPolicy, events: ResilienceEvents = {}): Middleware =>
  (next) =>
  (call) => {
    const now = Date.now();
    const { timeoutMs, methodTimeoutsMs } = policy();
    let deadline = Math.min(call.deadline, now + (methodTimeoutsMs[call.method.name] ?? timeoutMs));
    const budget = activeDeadline();
    if (budget !== undefined && budget < deadline) deadline = budget;
    if (deadline <= now) {
      events.rejected?.(call, 'budget-spent');
      annotateCall({ 'junction.rejected': 'budget-spent' });
      return Promise.reject(
        GrpcCallError.local(
          GrpcStatus.DEADLINE_EXCEEDED,
          `the request's time budget was spent before ${call.upstream} could be called`,
          call,
          'BUDGET_SPENT',
        ),
      );
    }
    call.deadline = deadline;
    return next(call);
  };
