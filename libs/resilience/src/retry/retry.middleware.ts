import { setTimeout as sleep } from 'node:timers/promises';
import { isRetryable, type Middleware, type UnaryCall } from '@junction/grpc-client';
import { activeDeadline } from '../deadline/deadline-budget';
import type { ClientPolicy } from '../policy/client-policy.schema';
import type { ResilienceEvents } from '../resilience-events';
import { annotateCall, callEvent } from '../span-annotation';
import { fullJitterBackoff } from './backoff';
import { RetryBudget } from './retry-budget';

export interface RetryOptions {
  readonly events?: ResilienceEvents;
  /** Injected by tests. */
  readonly random?: () => number;
  readonly now?: () => number;
}

/** A retry is only worth starting with at least this long left. */
const MIN_ATTEMPT_MS = 5;

/**
 * Retries a failed call, only when repeating it is safe: the proto marks the
 * method NO_SIDE_EFFECTS, or the policy names it (CreateOrder, idempotent by
 * its key). Only retryable upstream failures are retried, after a
 * full-jitter backoff, never past the request's budget, and only while the
 * retry budget lasts. A NO_SIDE_EFFECTS call moves to an instance not yet
 * tried while one remains; a call safe by key stays with its routing key.
 */
export const retry = (policy: () => ClientPolicy, options: RetryOptions = {}): Middleware => {
  const budget = new RetryBudget(() => policy().retry, options.now);
  const events = options.events ?? {};
  const safeToRepeat = (call: UnaryCall, retryAlso: readonly string[]) =>
    call.method.options.idempotencyLevel === 'NO_SIDE_EFFECTS' ||
    retryAlso.includes(call.method.name);

  return (next) => async (call) => {
    const { retry: retryPolicy, retryAlso } = policy();
    budget.recordCall();
    if (retryPolicy.maxAttempts <= 1 || !safeToRepeat(call, retryAlso)) return next(call);
    // A method safe only by its key is repeated where the key is known: the
    // balancer's affinity (routingKey) decides, not a move to another instance.
    const tried =
      call.method.options.idempotencyLevel === 'NO_SIDE_EFFECTS' ? new Set<string>() : undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        // A fresh call per attempt: the deadline middleware sets each its own.
        return await next({ ...call, tried });
      } catch (error) {
        if (attempt >= retryPolicy.maxAttempts || !isRetryable(error)) throw error;
        const wait = fullJitterBackoff(attempt, retryPolicy, options.random);
        const deadline = Math.min(call.deadline, activeDeadline() ?? Infinity);
        if (Date.now() + wait + MIN_ATTEMPT_MS >= deadline) throw error;
        if (!budget.tryRetry()) {
          events.retryBudgetExhausted?.(call);
          throw error;
        }
        events.retried?.(call, attempt + 1, error);
        callEvent('retry', { attempt: attempt + 1, 'rpc.grpc.status_code': error.code });
        annotateCall({ 'junction.attempts': attempt + 1 });
        if (wait > 0) await sleep(wait);
      }
    }
  };
};
