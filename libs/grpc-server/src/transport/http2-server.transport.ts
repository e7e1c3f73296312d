import {
  constants,
  createServer,
  type Http2Server,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { EXCHANGE_PATH, grpcFrame } from '@junction/grpc-client';
import { Status, StatusError } from '../status.error';
import { grpcFailureOf } from '../status-error.trailers';
import { UnaryMessageReader } from './grpc-message.framing';
import { parseGrpcTimeout } from './grpc-timeout';
import { Http2InboundCall, respondFailure, respondHttp, respondMessage } from './http2-server.call';
import { serveWatch } from './http2-server.watch';
import { drainServer } from './server.drain';
import {
  shuttingDown,
  type ServerEndpoint,
  type ServerRoutes,
  type UnaryServerTransport,
} from './unary-server-transport.port';
import { MuxExchange } from './mux/mux-exchange';

const NO_ROUTES: ServerRoutes = { unary: new Map(), watch: new Map() };
/** Flow-control windows: a mux Exchange stream carries many calls at once. */
const WINDOW_BYTES = 16 * 1024 * 1024;

/**
 * Unary gRPC over Node's own HTTP/2 server (h2c, prior knowledge): one
 * stream per call, one length-prefixed message each way, the status in the
 * trailers (or trailers-only for a failure). It does only what unary calls
 * and the health Watch need, which costs a fraction of grpc-js's per-call
 * server machinery; GrpcJsServerTransport stays available behind the same
 * port.
 */
export class Http2ServerTransport implements UnaryServerTransport {
  private server?: Http2Server;
  private routes = NO_ROUTES;
  private readonly sessions = new Set<ServerHttp2Session>();
  private readonly watches = new Set<() => void>();
  private readonly exchanges = new Set<MuxExchange>();
  private draining?: Promise<void>;

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async listen({ host, port }: ServerEndpoint, routes: ServerRoutes): Promise<void> {
    this.routes = routes;
    const server = createServer({ settings: { initialWindowSize: WINDOW_BYTES } });
    server.on('session', (session) => {
      this.sessions.add(session);
      session.once('localSettings', () => session.setLocalWindowSize(WINDOW_BYTES));
      session.once('close', () => this.sessions.delete(session));
      // A broken connection ends its streams; nothing else to do about it.
      session.on('error', () => undefined);
    });
    server.on('stream', (stream, headers) => this.onStream(stream, headers));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
  }

  drain(timeoutMs: number): Promise<void> {
    const server = this.server;
    this.draining ??= drainServer(
      server && {
        close: (done) => {
          for (const exchange of this.exchanges) exchange.drain();
          server.close(() => done());
          // GOAWAY: the session takes no new streams and closes once its last one has ended.
          for (const session of this.sessions) session.close();
        },
        force: () => {
          for (const session of this.sessions) session.destroy();
        },
      },
      this.watches,
      timeoutMs,
    );
    return this.draining;
  }

  private onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    stream.on('error', () => undefined);
    if (headers[':method'] !== 'POST') return respondHttp(stream, 405, { allow: 'POST' });
    const contentType = headers['content-type'];
    if (!contentType?.startsWith('application/grpc')) return respondHttp(stream, 415);
    const path = headers[':path'] ?? '';
    if (path === EXCHANGE_PATH) return this.serveExchange(stream);
    const unary = this.routes.unary.get(path);
    const watch = unary ? undefined : this.routes.watch.get(path);
    if (!unary && !watch) {
      return this.refuse(
        stream,
        new StatusError(Status.UNIMPLEMENTED, `The server does not implement the method ${path}`),
      );
    }
    const timeout = first(headers['grpc-timeout']);
    const timeoutMs = timeout === undefined ? undefined : parseGrpcTimeout(timeout);
    if (timeout !== undefined && timeoutMs === undefined) {
      return this.refuse(
        stream,
        new StatusError(Status.INTERNAL, `Invalid grpc-timeout value "${timeout}"`),
      );
    }
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    const call = new Http2InboundCall(path, deadline, headers, stream);
    this.readRequest(stream, headers, (request) => {
      if (unary) {
        unary(request, call).then(
          (response) => respondMessage(stream, grpcFrame(response)),
          (error: unknown) => respondFailure(stream, grpcFailureOf(error)),
        );
      } else if (watch) {
        serveWatch(stream, watch, request, call, this.draining ? undefined : this.watches);
      }
    });
  }

  /** Reads the request's one message, answering for it if its framing is wrong. */
  private readRequest(
    stream: ServerHttp2Stream,
    headers: IncomingHttpHeaders,
    onMessage: (request: Buffer) => void,
  ): void {
    const reader = new UnaryMessageReader();
    let refused = false;
    stream.on('data', (chunk: Buffer) => {
      if (refused) return;
      const problem = reader.push(chunk);
      if (!problem) return;
      refused = true;
      this.refuse(stream, problem);
    });
    stream.once('end', () => {
      if (refused) return;
      const message = reader.finish(first(headers['grpc-encoding']));
      if (message instanceof StatusError) respondFailure(stream, grpcFailureOf(message));
      else onMessage(message);
    });
  }

  /**
   * Answers before the request has been read, then stops the rest of it: a
   * reset with NO_ERROR after a complete answer tells the client to stop
   * sending (RFC 9113 §8.1).
   */
  private refuse(stream: ServerHttp2Stream, error: StatusError): void {
    respondFailure(stream, grpcFailureOf(error));
    if (!stream.readableEnded) stream.close(constants.NGHTTP2_NO_ERROR);
  }

  /** Junction's own callers: many unary calls on one stream (see MuxExchange). */
  private serveExchange(stream: ServerHttp2Stream): void {
    if (this.draining) return this.refuse(stream, shuttingDown());
    const exchange = new MuxExchange(stream, this.routes.unary, () =>
      this.exchanges.delete(exchange),
    );
    this.exchanges.add(exchange);
  }
}

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
