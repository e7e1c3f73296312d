import type { ServerHttp2Stream } from 'node:http2';
import { grpcFrame } from '@junction/grpc-client';
import type { InboundCall } from '../server-call.types';
import { grpcFailureOf } from '../status-error.trailers';
import { percentEncoded, respondFailure } from './http2-server.call';
import { shuttingDown, type WatchRoute } from './unary-server-transport.port';

/**
 * Streams a watch on its HTTP/2 stream until the caller goes or the server
 * drains; `watches` holds what stops each open one, for the drain. A watch
 * started while draining is refused at once.
 */
export function serveWatch(
  stream: ServerHttp2Stream,
  route: WatchRoute,
  request: Buffer,
  call: InboundCall,
  watches: Set<() => void> | undefined,
): void {
  if (!watches) return respondFailure(stream, grpcFailureOf(shuttingDown()));
  stream.respond(
    { ':status': 200, 'content-type': 'application/grpc+proto' },
    { waitForTrailers: true },
  );
  const stopRoute = route(request, (message) => stream.write(grpcFrame(message)), call);
  const stop = () => {
    watches.delete(stop);
    stopRoute();
    if (stream.closed || stream.destroyed) return;
    stream.once('wantTrailers', () => {
      const { code, details } = grpcFailureOf(shuttingDown());
      stream.sendTrailers({ 'grpc-status': String(code), 'grpc-message': percentEncoded(details) });
    });
    stream.end();
  };
  watches.add(stop);
  stream.once('close', () => {
    if (watches.delete(stop)) stopRoute();
  });
}
