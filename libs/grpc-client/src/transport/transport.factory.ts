import { GrpcJsTransport } from './grpc-js.transport';
import { Http2Transport } from './http2.transport';
import type { UnaryTransport } from './unary-transport.port';

export const TRANSPORT_KINDS = ['http2', 'grpc-js'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** The wire client by name, as config chooses it (`GRPC_TRANSPORT`). */
export const createTransport = (kind: TransportKind): UnaryTransport =>
  kind === 'grpc-js' ? new GrpcJsTransport() : new Http2Transport();
