import { status as Status, type Metadata } from '@grpc/grpc-js';

/**
 * Moves one encoded unary request to an address and back. Bytes in, bytes
 * out: codecs and policies stay above it, so the wire client can be swapped.
 * A failed call rejects with a TransportFailure.
 */
export interface UnaryTransport {
  call(
    address: string,
    path: string,
    request: Buffer,
    metadata: Metadata,
    deadline: number,
  ): Promise<Buffer>;
  close(): void;
}

/** A failed call, in the shape grpc-js gives (`GrpcCallError.fromServiceError` reads it). */
export interface TransportFailure {
  readonly code: Status;
  readonly details: string;
  readonly metadata?: Metadata;
  /**
   * The address could not be reached: the connection was refused, or it
   * failed or dropped before any response. Nothing the server said; the
   * balancer ejects the instance on it.
   */
  readonly unreachable?: boolean;
}

/** True for a failure the transport marked as an unreachable address. */
export const isUnreachable = (failure: unknown): boolean =>
  typeof failure === 'object' &&
  failure !== null &&
  (failure as TransportFailure).unreachable === true;

/** UNAVAILABLE, marked unreachable: the connection failed or dropped before the answer. */
/** A call whose deadline passed before it was sent: nothing reached the wire. */
export const expiredBeforeStart = (): TransportFailure => ({
  code: Status.DEADLINE_EXCEEDED,
  details: 'deadline exceeded before the call started',
});

export const unreachableFailure = (details: string): TransportFailure => ({
  code: Status.UNAVAILABLE,
  details,
  unreachable: true,
});
