import type { InboundCall } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/**
 * Answers one unary call: the request message's bytes in, the response's
 * out. Rejects with a StatusError (anything else is answered INTERNAL).
 */
export type UnaryRoute = (request: Buffer, call: InboundCall) => Promise<Buffer>;

/**
 * A server-streaming call that streams until its caller cancels or the
 * server drains (health Watch): `send` writes one response message. Returns
 * what stops it.
 */
export type WatchRoute = (
  request: Buffer,
  send: (message: Buffer) => void,
  call: InboundCall,
) => () => void;

/** What a server serves, by gRPC path (`/catalog.v1.CatalogService/GetProduct`). */
export interface ServerRoutes {
  readonly unary: ReadonlyMap<string, UnaryRoute>;
  readonly watch: ReadonlyMap<string, WatchRoute>;
}

export interface ServerEndpoint {
  readonly host: string;
  /** 0: any free port (see `port` once listening). */
  readonly port: number;
}

/**
 * Serves gRPC on one address. Bytes in, bytes out: codecs and the middleware
 * chain stay above it, so the wire server can be swapped (see
 * unary-server-transport.conformance.spec.ts). A path it has no route for is
 * answered UNIMPLEMENTED.
 */
export interface UnaryServerTransport {
  /** Resolves once bound. */
  listen(endpoint: ServerEndpoint, routes: ServerRoutes): Promise<void>;
  /** The bound port, once listening. */
  readonly port: number | undefined;
  /**
   * Takes no new calls, lets in-flight ones finish, then closes; cancels
   * what is left after `timeoutMs`. Watches end at once with shuttingDown()
   * (their callers have seen NOT_SERVING). Idempotent.
   */
  drain(timeoutMs: number): Promise<void>;
}

/** What a watch ends with when the server drains, and what one started during a drain gets. */
export const shuttingDown = () => new StatusError(Status.UNAVAILABLE, 'server is shutting down');
