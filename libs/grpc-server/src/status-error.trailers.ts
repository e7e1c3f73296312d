import { Metadata } from '@grpc/grpc-js';
import { ERROR_REASON_KEY, PUSHBACK_KEY } from '@junction/grpc-client';
import { Status, StatusError } from './status.error';

/** A failed call as it goes on the wire: grpc-status, grpc-message and trailing metadata. */
export interface GrpcFailure {
  readonly code: Status;
  readonly details: string;
  readonly metadata?: Metadata;
}

/** The one answer a caller gets for what is not a StatusError: no internals. */
const INTERNAL_FAILURE: GrpcFailure = { code: Status.INTERNAL, details: 'internal error' };

/**
 * What a call that failed with `error` sends: a StatusError its code and
 * message, its reason (`junction-error-reason`) and pushback
 * (`grpc-retry-pushback-ms`) as trailers, as the client library reads them.
 * Anything else is INTERNAL with a fixed message (the status-errors
 * middleware has logged it).
 */
export function grpcFailureOf(error: unknown): GrpcFailure {
  if (!(error instanceof StatusError)) return INTERNAL_FAILURE;
  if (!error.reason && error.retryAfterMs === undefined) {
    return { code: error.code, details: error.message };
  }
  const metadata = new Metadata();
  if (error.reason) metadata.set(ERROR_REASON_KEY, error.reason);
  if (error.retryAfterMs !== undefined) {
    metadata.set(PUSHBACK_KEY, String(Math.round(error.retryAfterMs)));
  }
  return { code: error.code, details: error.message, metadata };
}
