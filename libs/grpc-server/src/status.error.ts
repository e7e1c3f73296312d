import { status as Status } from '@grpc/grpc-js';

export { Status };

/**
 * A failure with a gRPC status code, thrown by use cases. The codes are
 * Google's canonical error model, so they double as the domain's error
 * vocabulary; `reason` says precisely which rule failed, for machines.
 */
export class StatusError extends Error {
  override readonly name = 'StatusError';
  /** Asks callers to wait this long before calling again (gRPC retry pushback). */
  readonly retryAfterMs?: number;

  constructor(
    readonly code: Status,
    message: string,
    readonly reason?: string,
    options: StatusErrorOptions = {},
  ) {
    super(message);
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface StatusErrorOptions {
  readonly retryAfterMs?: number;
}

export const notFound = (message: string, reason?: string) =>
  new StatusError(Status.NOT_FOUND, message, reason);
export const invalidArgument = (message: string, reason?: string) =>
  new StatusError(Status.INVALID_ARGUMENT, message, reason);
export const failedPrecondition = (message: string, reason?: string) =>
  new StatusError(Status.FAILED_PRECONDITION, message, reason);
export const alreadyExists = (message: string, reason?: string) =>
  new StatusError(Status.ALREADY_EXISTS, message, reason);
export const aborted = (message: string, reason?: string) =>
  new StatusError(Status.ABORTED, message, reason);
export const unavailable = (message: string, reason?: string) =>
  new StatusError(Status.UNAVAILABLE, message, reason);
/** A declared RPC whose handler is not written yet (what the rpc generator leaves). */
export const unimplemented = (message: string) =>
  new StatusError(Status.UNIMPLEMENTED, message, 'NOT_IMPLEMENTED');
