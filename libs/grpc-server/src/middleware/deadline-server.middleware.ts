import { context } from '@opentelemetry/api';
import { withDeadline } from '@junction/resilience';
import type { ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/**
 * Runs the rest of the chain inside its caller's deadline, as the request's
 * deadline budget, so the calls the handler makes downstream (orders →
 * inventory) get no more time than the caller still waits. A call whose
 * deadline passed before its handler could start is answered
 * DEADLINE_EXCEEDED without running it: no one is waiting for that work.
 */
export const deadlineServer = (): ServerMiddleware => (next) => (call) => {
  const { deadline } = call.inbound;
  if (deadline === undefined) return next(call);
  if (deadline <= Date.now()) {
    return Promise.reject(
      new StatusError(Status.DEADLINE_EXCEEDED, 'deadline passed before the handler started'),
    );
  }
  return context.with(withDeadline(context.active(), deadline), next, undefined, call);
};
