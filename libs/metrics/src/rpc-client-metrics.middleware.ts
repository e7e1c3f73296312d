import { GrpcCallError, GrpcStatus, type Middleware } from '@junction/grpc-client';
import type { Histogram } from 'prom-client';
import { rpcNameOf } from './grpc-path';
import type { RpcClientLabel } from './rpc.metrics';

/** The gRPC code name of a call's outcome; anything but a GrpcCallError is UNKNOWN. */
const statusOf = (error: unknown): string =>
  GrpcStatus[error instanceof GrpcCallError ? error.code : GrpcStatus.UNKNOWN] ?? 'UNKNOWN';

/**
 * Times each logical call (retries and backoff included, one sample however
 * many attempts) by upstream, method and final gRPC status, a client-side
 * refusal (breaker open, bulkhead full) with the status it failed with.
 */
export const rpcClientMetrics =
  (duration: Histogram<RpcClientLabel>): Middleware =>
  (next) =>
  async (call) => {
    const { service, method } = rpcNameOf(call.path);
    const done = duration.startTimer({
      rpc_system: 'grpc',
      rpc_service: service,
      rpc_method: method,
      peer_service: call.upstream,
    });
    try {
      const response = await next(call);
      done({ rpc_response_status_code: 'OK' });
      return response;
    } catch (error) {
      done({ rpc_response_status_code: statusOf(error) });
      throw error;
    }
  };
