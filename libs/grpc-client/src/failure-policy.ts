import { status as Status } from '@grpc/grpc-js';
import { GrpcCallError } from './grpc-call.error';

/**
 * The one list of gRPC codes that mean "the upstream failed": they count
 * against its circuit breaker and its instance's health. Every other code
 * is an answer (NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION,
 * ALREADY_EXISTS, …): the upstream worked and said no.
 */
export const FAILURE_CODES: ReadonlySet<Status> = new Set([
  Status.UNAVAILABLE,
  Status.DEADLINE_EXCEEDED,
  Status.INTERNAL,
  Status.UNKNOWN,
  Status.RESOURCE_EXHAUSTED,
]);

/**
 * Of those, the ones a retry on another instance may cure. INTERNAL and
 * UNKNOWN are bugs: the same request would meet the same bug.
 */
export const RETRYABLE_CODES: ReadonlySet<Status> = new Set([
  Status.UNAVAILABLE,
  Status.DEADLINE_EXCEEDED,
  Status.RESOURCE_EXHAUSTED,
]);

/**
 * A failure of the upstream itself. Failures this client raised without
 * calling (breaker open, bulkhead full, budget spent, nothing to dial) are
 * not: counting them would keep a breaker open on its own rejections.
 */
export const isUpstreamFailure = (error: unknown): error is GrpcCallError =>
  error instanceof GrpcCallError && !error.local && FAILURE_CODES.has(error.code);

/**
 * Failures no retry can cure right now: discovery has nothing (else) to
 * call. Retrying would only add its backoff to a fast, honest 503.
 */
export const NOTHING_TO_CALL: ReadonlySet<string> = new Set(['NO_INSTANCES', 'ALL_BACKING_OFF']);

/** An upstream failure worth another attempt, if the method is safe to repeat. */
export const isRetryable = (error: unknown): error is GrpcCallError =>
  isUpstreamFailure(error) &&
  RETRYABLE_CODES.has(error.code) &&
  !(error.reason !== undefined && NOTHING_TO_CALL.has(error.reason));
