import { Client, credentials, status as Status } from '@grpc/grpc-js';
import type { ClientHttp2Session, IncomingHttpHeaders } from 'node:http2';
import { healthV1 } from '@junction/contracts';
import {
  GrpcJsTransport,
  Http2Transport,
  type TransportFailure,
  type UnaryTransport,
} from '@junction/grpc-client';
import { healthRoutes } from '../health/health.routes';
import { ServingHealth } from '../health/serving-health';
import type { InboundCall } from '../server-call.types';
import { StatusError } from '../status.error';
import { GrpcJsServerTransport } from './grpc-js-server.transport';
import { Http2ServerTransport } from './http2-server.transport';
import type { UnaryRoute, UnaryServerTransport } from './unary-server-transport.port';

// What the server transport conformance specs share: test routes (some hold
// their call until the test lets it go), both server and both client
// transports, and a grpc-js health watcher.

/** Calls held open until the test lets them go, and the ones whose caller cancelled. */
export const held: (() => void)[] = [];
export const seenHeld: InboundCall[] = [];
export const cancelled: string[] = [];
export const seen: InboundCall[] = [];
/** What `cancelled` said while each Inspect call was being answered. */
export const cancelledWhileAnswering: boolean[] = [];

export const routes: Record<string, UnaryRoute> = {
  '/test.Conformance/Echo': async (request) => request,
  '/test.Conformance/Inspect': async (request, call) => {
    seen.push(call);
    cancelledWhileAnswering.push(call.cancelled);
    return request;
  },
  '/test.Conformance/Fail': async () => {
    throw new StatusError(Status.FAILED_PRECONDITION, 'not now: 100% ünïcode, a/b', 'NOT_NOW', {
      retryAfterMs: 250,
    });
  },
  '/test.Conformance/Bug': async () => {
    throw new Error('boom at /srv/secret.js:10');
  },
  '/test.Conformance/Big': async () => Buffer.alloc(1_000_000, 7),
  '/test.Conformance/Size': async (request) => Buffer.from(String(request.length)),
  '/test.Conformance/Hold': (request, call) =>
    new Promise((resolve) => {
      seenHeld.push(call);
      call.onCancel(() => cancelled.push(request.toString()));
      held.push(() => resolve(request));
    }),
};

export const SERVERS: [string, () => UnaryServerTransport][] = [
  ['http2', () => new Http2ServerTransport()],
  ['grpc-js', () => new GrpcJsServerTransport()],
];
export const CLIENTS: [string, () => UnaryTransport][] = [
  ['grpc-js', () => new GrpcJsTransport()],
  ['http2', () => new Http2Transport()],
];

export interface Running {
  readonly server: UnaryServerTransport;
  readonly health: ServingHealth;
  readonly address: string;
}

export async function serve(create: () => UnaryServerTransport): Promise<Running> {
  const server = create();
  const health = new ServingHealth(['test.Conformance']);
  const healthService = healthRoutes(health);
  await server.listen(
    { host: '127.0.0.1', port: 0 },
    {
      unary: new Map([...healthService.unary, ...Object.entries(routes)]),
      watch: healthService.watch,
    },
  );
  health.set('SERVING');
  return { server, health, address: `127.0.0.1:${server.port}` };
}

export const soon = (ms = 5000) => Date.now() + ms;
export const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => Promise.reject(new Error('expected the call to fail')),
    (failure: TransportFailure) => failure,
  );

/** grpc.health.v1.Health/Watch with a grpc-js client: the statuses it has streamed. */
export function watchHealth(address: string, service: string) {
  const client = new Client(address, credentials.createInsecure());
  const statuses: string[] = [];
  const ended: { code?: number } = {};
  const stream = client.makeServerStreamRequest(
    '/grpc.health.v1.Health/Watch',
    (request: healthV1.HealthCheckRequest) =>
      Buffer.from(healthV1.HealthCheckRequest.encode(request).finish()),
    (bytes: Buffer) => healthV1.HealthCheckResponse.decode(bytes),
    { service },
  );
  stream.on('data', (response: healthV1.HealthCheckResponse) => statuses.push(response.status));
  stream.on('error', (error: { code: number }) => (ended.code = error.code));
  return {
    statuses,
    ended,
    close: () => {
      stream.cancel();
      client.close();
    },
  };
}

export interface RawAnswer {
  readonly headers: IncomingHttpHeaders;
  readonly trailers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** True when the answer ended within its HEADERS frame (trailers-only). */
  readonly headersOnly: boolean;
  readonly rstCode: number;
}

/** One raw HTTP/2 request, as a gRPC client would send it; `end: false` leaves the body open. */
export function sendRaw(
  session: ClientHttp2Session,
  headers: Record<string, string>,
  body: Buffer[],
  end = true,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ':method': 'POST',
      'content-type': 'application/grpc',
      te: 'trailers',
      ...headers,
    });
    let answer: Omit<RawAnswer, 'body' | 'rstCode'> = {
      headers: {},
      trailers: {},
      headersOnly: false,
    };
    const chunks: Buffer[] = [];
    stream.on('response', (h, flags) => {
      // END_STREAM (0x1) on the HEADERS frame itself.
      answer = { ...answer, headers: h, headersOnly: (flags & 1) === 1 };
    });
    stream.on('trailers', (t) => (answer = { ...answer, trailers: t }));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', () => undefined);
    stream.on('close', () =>
      resolve({ ...answer, body: Buffer.concat(chunks), rstCode: stream.rstCode ?? 0 }),
    );
    stream.on('aborted', () => undefined);
    session.once('error', reject);
    for (const chunk of body) stream.write(chunk);
    if (end) stream.end();
  });
}
