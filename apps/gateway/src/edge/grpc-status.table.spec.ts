import { GrpcStatus } from '@junction/grpc-client';
import { httpStatusForGrpc } from './grpc-status.table';

describe('gRPC to HTTP status table', () => {
  it.each([
    [GrpcStatus.NOT_FOUND, 404],
    [GrpcStatus.INVALID_ARGUMENT, 400],
    [GrpcStatus.FAILED_PRECONDITION, 409],
    [GrpcStatus.ALREADY_EXISTS, 409],
    [GrpcStatus.ABORTED, 409],
    [GrpcStatus.RESOURCE_EXHAUSTED, 429],
    [GrpcStatus.UNAVAILABLE, 503],
    [GrpcStatus.DEADLINE_EXCEEDED, 504],
    [GrpcStatus.INTERNAL, 502],
    [GrpcStatus.UNKNOWN, 502],
    [GrpcStatus.UNIMPLEMENTED, 501],
    [GrpcStatus.PERMISSION_DENIED, 502],
  ])('maps code %s to %s', (code, http) => {
    expect(httpStatusForGrpc(code)).toBe(http);
  });

  it('maps a reused idempotency key to 422 whatever its code', () => {
    expect(httpStatusForGrpc(GrpcStatus.INVALID_ARGUMENT, 'IDEMPOTENCY_KEY_REUSED')).toBe(422);
  });

  it('ignores reasons it does not know', () => {
    expect(httpStatusForGrpc(GrpcStatus.NOT_FOUND, 'PRODUCT_NOT_FOUND')).toBe(404);
  });
});
