import { GrpcJsServerTransport } from './grpc-js-server.transport';
import { Http2ServerTransport } from './http2-server.transport';
import type { UnaryServerTransport } from './unary-server-transport.port';

export const SERVER_TRANSPORT_KINDS = ['http2', 'grpc-js'] as const;
export type ServerTransportKind = (typeof SERVER_TRANSPORT_KINDS)[number];

/** The wire server by name, as config chooses it (`GRPC_SERVER_TRANSPORT`). */
export const createServerTransport = (kind: ServerTransportKind): UnaryServerTransport =>
  kind === 'grpc-js' ? new GrpcJsServerTransport() : new Http2ServerTransport();
