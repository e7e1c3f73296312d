import { EXCHANGE_PATH } from '@junction/grpc-client';
import {
  createServer,
  type Http2Server,
  type Http2Session,
  type ServerHttp2Stream,
} from 'node:http2';

export interface StalledUpstream {
  /** gRPC calls received so far, by path. */
  readonly calls: string[];
  /** Answers every held call (and every later one) with UNAVAILABLE at once. */
  release(): void;
  close(): Promise<void>;
}

const trailersOnly = (stream: ServerHttp2Stream, status: number, message: string) => {
  if (stream.closed) return;
  stream.respond(
    {
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': String(status),
      'grpc-message': message,
    },
    { endStream: true },
  );
};
const unavailable = (stream: ServerHttp2Stream) => trailersOnly(stream, 14, 'stalled upstream');
const unimplemented = (stream: ServerHttp2Stream) => trailersOnly(stream, 12, 'no such method');

/**
 * An HTTP/2 server that takes gRPC calls and never answers them until
 * release(): requests to the gateway that call it stay in flight, which is
 * what overload looks like from the gateway's side.
 */
export function startStalledUpstream(port: number): Promise<StalledUpstream> {
  const calls: string[] = [];
  const held: ServerHttp2Stream[] = [];
  let released = false;
  const sessions = new Set<Http2Session>();
  const server: Http2Server = createServer();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    // Like any gRPC server without Junction's mux, it refuses the Exchange at
    // once, so the gateway sends its calls as plain unary calls (held below).
    if (headers[':path'] === EXCHANGE_PATH) return unimplemented(stream);
    calls.push(String(headers[':path']));
    if (released) unavailable(stream);
    else held.push(stream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        calls,
        release: () => {
          released = true;
          for (const stream of held.splice(0)) unavailable(stream);
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const session of sessions) session.destroy();
          }),
      }),
    );
  });
}
