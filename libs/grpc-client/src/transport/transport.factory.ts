import { GrpcJsTransport } from './grpc-js.transport';
import { Http2Transport } from './http2.transport';
import { MuxTransport } from './mux/mux.transport';
import type { UnaryTransport } from './unary-transport.port';

export const TRANSPORT_KINDS = ['mux', 'http2', 'grpc-js'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** The wire client by name, as config chooses it (`GRPC_TRANSPORT`). */
export function createTransport(kind: TransportKind): UnaryTransport {
  if (kind === 'grpc-js') return new GrpcJsTransport();
  return kind === 'http2' ? new Http2Transport() : new MuxTransport();
}
