import { GrpcStatus } from '@junction/grpc-client';

/**
 * The one place a gRPC outcome becomes an HTTP status. Codes not listed are
 * the upstream's fault from the client's view: 502.
 */
const BY_CODE: ReadonlyMap<GrpcStatus, number> = new Map([
  [GrpcStatus.NOT_FOUND, 404],
  [GrpcStatus.INVALID_ARGUMENT, 400],
  [GrpcStatus.OUT_OF_RANGE, 400],
  [GrpcStatus.FAILED_PRECONDITION, 409],
  [GrpcStatus.ALREADY_EXISTS, 409],
  [GrpcStatus.ABORTED, 409],
  [GrpcStatus.RESOURCE_EXHAUSTED, 429],
  [GrpcStatus.UNAVAILABLE, 503],
  [GrpcStatus.DEADLINE_EXCEEDED, 504],
  // A declared RPC whose handler is not written yet (the rpc generator's stub).
  [GrpcStatus.UNIMPLEMENTED, 501],
]);

/** Reasons (the `junction-error-reason` trailer) that refine their code. */
const BY_REASON: ReadonlyMap<string, number> = new Map([
  // Same Idempotency-Key, different request: 422, as the IETF
  // Idempotency-Key draft specifies.
  ['IDEMPOTENCY_KEY_REUSED', 422],
]);

export const UNLISTED_GRPC_STATUS = 502;

export function httpStatusForGrpc(code: GrpcStatus, reason?: string): number {
  return (reason && BY_REASON.get(reason)) || BY_CODE.get(code) || UNLISTED_GRPC_STATUS;
}
