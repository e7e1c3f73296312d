export type { UnaryCall, UnaryHandler, Middleware } from './unary-call.types';
export { chain } from './chain';
export {
  GrpcCallError,
  ERROR_REASON_KEY,
  PUSHBACK_KEY,
  type GrpcCallErrorOptions,
} from './grpc-call.error';
export {
  FAILURE_CODES,
  RETRYABLE_CODES,
  isUpstreamFailure,
  isRetryable,
  NOTHING_TO_CALL,
} from './failure-policy';
export {
  isUnreachable,
  type UnaryTransport,
  type TransportFailure,
} from './transport/unary-transport.port';
export { GrpcJsTransport } from './transport/grpc-js.transport';
export { Http2Transport, type Http2TransportOptions } from './transport/http2.transport';
export { MuxTransport, type MuxTransportOptions } from './transport/mux/mux.transport';
export { EXCHANGE_PATH } from './transport/mux/mux-channel';
export { GrpcFrameReader, frame as grpcFrame } from './transport/mux/grpc-frame.reader';
export { toMuxHeaders, fromMuxHeaders } from './transport/mux/mux-metadata';
export {
  createTransport,
  TRANSPORT_KINDS,
  type TransportKind,
} from './transport/transport.factory';
export { createInvoker, type InvokerDeps } from './invoker';
export { traceClient } from './middleware/trace-client.middleware';
export { callerClient } from './middleware/caller-client.middleware';
export type { GrpcClient, CallOptions } from './grpc-client.types';
export { createGrpcClient, type GrpcClientOptions } from './grpc-client.factory';
export { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
export { connectUpstream, type UpstreamOptions } from './connect-upstream';
