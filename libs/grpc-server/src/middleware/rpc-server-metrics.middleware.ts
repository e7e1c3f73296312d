import type { RpcServerLabel } from '@junction/metrics';
import type { Histogram } from 'prom-client';
import type { ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/** The gRPC code name a call ended with, as the metric's status label. */
const statusNameOf = (error: unknown): string =>
  Status[error instanceof StatusError ? error.code : Status.INTERNAL];

/**
 * Times every call this service answers, by service, method and gRPC status
 * name. Outermost, so what the others decide is measured too: a deadline
 * that had passed, an injected fault, a handler's StatusError, and a bug
 * (INTERNAL). A call its caller cancelled before the answer is CANCELLED,
 * whatever the handler went on to do.
 */
export const rpcServerMetrics =
  (duration: Histogram<RpcServerLabel>): ServerMiddleware =>
  (next) =>
  (call) => {
    const done = duration.startTimer({
      rpc_system: 'grpc',
      rpc_service: call.rpc.service,
      rpc_method: call.rpc.method,
    });
    const end = (status: string) =>
      done({ rpc_response_status_code: call.inbound.cancelled ? 'CANCELLED' : status });
    return next(call).then(
      (response) => {
        end('OK');
        return response;
      },
      (error: unknown) => {
        end(statusNameOf(error));
        throw error;
      },
    );
  };
