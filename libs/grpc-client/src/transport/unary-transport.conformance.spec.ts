import {
  Metadata,
  Server,
  ServerCredentials,
  status as Status,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { waitUntil } from '@junction/test-support';
import { createServer as createHttp2Server, type ServerHttp2Session } from 'node:http2';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { GrpcCallError, PUSHBACK_KEY } from '../grpc-call.error';
import { STATUS_DETAILS_KEY } from '../retry-info';
import { GrpcJsTransport } from './grpc-js.transport';
import { Http2Transport } from './http2.transport';
import { MuxTransport } from './mux/mux.transport';
import { isUnreachable, type TransportFailure, type UnaryTransport } from './unary-transport.port';

// Both transports against one real grpc-js server: they must be
// interchangeable, so every behaviour is checked on each.

const bytes = (b: Buffer) => b;
const method = (name: string) => ({
  path: `/test.Conformance/${name}`,
  requestStream: false,
  responseStream: false,
  requestSerialize: bytes,
  requestDeserialize: bytes,
  responseSerialize: bytes,
  responseDeserialize: bytes,
});
const NAMES = ['Echo', 'Fail', 'Hang', 'Big', 'Meta', 'Down', 'Busy', 'Throttled'] as const;
const definition = Object.fromEntries(
  NAMES.map((n) => [n, method(n)]),
) as unknown as ServiceDefinition;

/**
 * google.rpc.Status{code 8, message "quota", details [Any{RetryInfo{retry_delay
 * 1.5 s}}]}, serialized.
 */
const RETRY_INFO_STATUS = retryInfoStatusBase64();

type Handler = (call: ServerUnaryCall<Buffer, Buffer>, reply: sendUnaryData<Buffer>) => void;
const hanging: sendUnaryData<Buffer>[] = [];
const handlers: Record<(typeof NAMES)[number], Handler> = {
  Echo: (call, reply) => reply(null, call.request),
  Fail: (_call, reply) => {
    const metadata = new Metadata();
    metadata.set('junction-error-reason', 'NOT_NOW');
    reply({ code: Status.FAILED_PRECONDITION, details: 'not now: 100% ünïcode, a/b', metadata });
  },
  Hang: (_call, reply) => hanging.push(reply),
  Big: (_call, reply) => reply(null, Buffer.alloc(1_000_000, 7)),
  Meta: (call, reply) => reply(null, Buffer.from(String(call.metadata.get('x-echo')[0]))),
  // A server's own UNAVAILABLE, about a dependency of its own.
  Down: (_call, reply) =>
    reply({ code: Status.UNAVAILABLE, details: 'connect ECONNREFUSED 10.0.0.9:5432' }),
  // Rich error details, as Go and Java servers send them: google.rpc.Status
  // with a RetryInfo of 1.5 s.
  Throttled: (_call, reply) => {
    const metadata = new Metadata();
    metadata.set(STATUS_DETAILS_KEY, Buffer.from(RETRY_INFO_STATUS, 'base64'));
    reply({ code: Status.RESOURCE_EXHAUSTED, details: 'quota', metadata });
  },
  // Load shedding with gRPC's retry pushback trailer (gRFC A6).
  Busy: (_call, reply) => {
    const metadata = new Metadata();
    metadata.set(PUSHBACK_KEY, '250');
    reply({ code: Status.RESOURCE_EXHAUSTED, details: 'shedding load', metadata });
  },
};

async function startServer(port: number): Promise<Server> {
  const server = new Server();
  server.addService(definition, handlers as never);
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return server;
}

/**
 * Not a gRPC server: a proxy in front of one that is overloaded, answering
 * `/<status>` or `/<status>/body` with that HTTP status and `Retry-After`
 * (seconds), without or with a body.
 */
async function startProxy(port: number): Promise<() => Promise<void>> {
  const proxy = createHttp2Server();
  proxy.on('stream', (stream, headers) => {
    stream.resume();
    const [, status, body] = /^\/(\d{3})(\/body)?$/.exec(String(headers[':path'])) ?? [];
    const answer = { ':status': Number(status), 'retry-after': '2', 'content-type': 'text/plain' };
    if (!body) return stream.respond(answer, { endStream: true });
    stream.respond(answer);
    stream.end('try again later');
  });
  const sessions = new Set<ServerHttp2Session>();
  proxy.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  // Closing waits for open sessions, and the transports keep theirs open.
  return () =>
    new Promise((resolve) => {
      proxy.close(() => resolve());
      for (const session of sessions) session.destroy();
    });
}

const PORT = 22961;
const PROXY_PORT = 22964;
const ADDRESS = `127.0.0.1:${PORT}`;
const soon = (ms = 5000) => Date.now() + ms;
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (failure: TransportFailure) => failure,
  );

let stopProxy: () => Promise<void>;
beforeAll(async () => (stopProxy = await startProxy(PROXY_PORT)));
afterAll(() => stopProxy());

describe.each([
  ['grpc-js', () => new GrpcJsTransport()],
  ['http2', () => new Http2Transport()],
  // A grpc-js server has no Exchange: every call takes the fallback after the first answer.
  ['mux (against a server without it)', () => new MuxTransport()],
])('%s transport', (_name, create: () => UnaryTransport) => {
  let server: Server;
  let transport: UnaryTransport;
  const call = (
    name: string,
    request = Buffer.from('hi'),
    metadata = new Metadata(),
    deadline = soon(),
  ) => transport.call(ADDRESS, `/test.Conformance/${name}`, request, metadata, deadline);
  /** How an Echo to a stand-in server on `port` fails. */
  const echoFailureAt = (port: number) =>
    failureOf(
      transport.call(
        `127.0.0.1:${port}`,
        '/test.Conformance/Echo',
        Buffer.from('x'),
        new Metadata(),
        soon(),
      ),
    );

  beforeAll(async () => {
    server = await startServer(PORT);
    transport = create();
  });
  afterAll(() => {
    transport.close();
    for (const reply of hanging.splice(0)) reply(null, Buffer.alloc(0));
    server.forceShutdown();
  });

  it('carries a message there and back', async () => {
    expect(await call('Echo', Buffer.from('payload'))).toEqual(Buffer.from('payload'));
  });

  it('carries an empty message', async () => {
    expect(await call('Echo', Buffer.alloc(0))).toEqual(Buffer.alloc(0));
  });

  it('sends the call metadata', async () => {
    const metadata = new Metadata();
    metadata.set('x-echo', 'from the client');
    expect((await call('Meta', Buffer.alloc(0), metadata)).toString()).toBe('from the client');
  });

  it('reports a server error with its code, decoded message and trailers', async () => {
    const failure = await failureOf(call('Fail'));
    expect(failure.code).toBe(Status.FAILED_PRECONDITION);
    expect(failure.details).toBe('not now: 100% ünïcode, a/b');
    expect(failure.metadata?.get('junction-error-reason')).toEqual(['NOT_NOW']);
  });

  it('receives a 1 MB response whole', async () => {
    const response = await call('Big');
    expect(response.length).toBe(1_000_000);
    expect(response.every((b) => b === 7)).toBe(true);
  });

  it('answers UNIMPLEMENTED for a method the server lacks', async () => {
    expect((await failureOf(call('Missing'))).code).toBe(Status.UNIMPLEMENTED);
  });

  it('gives up with DEADLINE_EXCEEDED when the server does not answer in time', async () => {
    expect(
      (await failureOf(call('Hang', Buffer.from('x'), new Metadata(), Date.now() + 100))).code,
    ).toBe(Status.DEADLINE_EXCEEDED);
  });

  it('does not start a call whose deadline has passed', async () => {
    expect(
      (await failureOf(call('Echo', Buffer.from('x'), new Metadata(), Date.now() - 1))).code,
    ).toBe(Status.DEADLINE_EXCEEDED);
  });

  it('answers UNAVAILABLE, marked unreachable, when nothing listens at the address', async () => {
    const failure = await failureOf(
      transport.call(
        '127.0.0.1:1',
        '/test.Conformance/Echo',
        Buffer.from('x'),
        new Metadata(),
        soon(),
      ),
    );
    expect(failure.code).toBe(Status.UNAVAILABLE);
    expect(isUnreachable(failure)).toBe(true);
  });

  it('marks a connection dropped before any response as unreachable', async () => {
    const dropper = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    const { port } = dropper.address() as AddressInfo;
    try {
      const failure = await echoFailureAt(port);
      expect(failure.code).toBe(Status.UNAVAILABLE);
      expect(isUnreachable(failure)).toBe(true);
    } finally {
      dropper.close();
    }
  });

  it('answers UNAVAILABLE when the connection drops after the response message, before its status', async () => {
    // A server killed mid-answer: the call may be repeated (where safe) elsewhere.
    const server = createHttp2Server();
    const sockets: Socket[] = [];
    server.on('connection', (socket: Socket) => sockets.push(socket));
    server.on('stream', (stream) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
      // Headers and the message are out; the connection goes before the trailers.
      const message = Buffer.from([0, 0, 0, 0, 1, 120]);
      stream.write(message, () => setImmediate(() => sockets.forEach((s) => s.destroy())));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const failure = await echoFailureAt(port);
      expect(failure).toMatchObject({ code: Status.UNAVAILABLE });
    } finally {
      server.close();
    }
  });

  it("does not mark the server's own UNAVAILABLE as unreachable", async () => {
    const failure = await failureOf(call('Down'));
    expect(failure.code).toBe(Status.UNAVAILABLE);
    expect(isUnreachable(failure)).toBe(false);
  });

  it('does not mark an application error or a deadline as unreachable', async () => {
    expect(isUnreachable(await failureOf(call('Fail')))).toBe(false);
    expect(
      isUnreachable(await failureOf(call('Hang', Buffer.from('x'), new Metadata(), soon(100)))),
    ).toBe(false);
  });

  it("carries the server's retry pushback trailer", async () => {
    const failure = await failureOf(call('Busy'));
    expect(failure.code).toBe(Status.RESOURCE_EXHAUSTED);
    expect(GrpcCallError.fromServiceError(failure, 'up', 'path').retryAfterMs).toBe(250);
  });

  it("carries the server's RetryInfo status details", async () => {
    const failure = await failureOf(call('Throttled'));
    expect(GrpcCallError.fromServiceError(failure, 'up', 'path').retryAfterMs).toBe(1_500);
  });

  it.each(['/503', '/503/body', '/429', '/429/body'])(
    'maps a proxy answering %s with Retry-After to UNAVAILABLE with that pushback',
    async (path) => {
      const failure = await failureOf(
        transport.call(`127.0.0.1:${PROXY_PORT}`, path, Buffer.from('x'), new Metadata(), soon()),
      );
      expect(failure.code).toBe(Status.UNAVAILABLE);
      expect(isUnreachable(failure)).toBe(false);
      expect(GrpcCallError.fromServiceError(failure, 'up', 'path').retryAfterMs).toBe(2000);
    },
  );

  it('serves many concurrent calls on one connection', async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call('Echo', Buffer.from(String(i)))),
    );
    expect(replies.map(String)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
  });

  it('reconnects once a restarted server is back', async () => {
    const port = PORT + 1;
    const address = `127.0.0.1:${port}`;
    const echo = () =>
      transport.call(
        address,
        '/test.Conformance/Echo',
        Buffer.from('again'),
        new Metadata(),
        soon(1000),
      );
    let restartable = await startServer(port);
    expect(String(await echo())).toBe('again');
    restartable.forceShutdown();
    expect((await failureOf(echo())).code).toBe(Status.UNAVAILABLE);
    restartable = await startServer(port);
    try {
      const reply = await waitUntil(() => echo().catch(() => undefined), {
        timeoutMs: 15_000,
        what: 'a reconnect',
      });
      expect(String(reply)).toBe('again');
    } finally {
      restartable.forceShutdown();
    }
  });
});

describe('http2 transport limits', () => {
  it('refuses a response over its size limit with RESOURCE_EXHAUSTED', async () => {
    const server = await startServer(PORT + 2);
    const transport = new Http2Transport({ maxResponseBytes: 64 * 1024 });
    try {
      const failure = await failureOf(
        transport.call(
          `127.0.0.1:${PORT + 2}`,
          '/test.Conformance/Big',
          Buffer.alloc(0),
          new Metadata(),
          soon(),
        ),
      );
      expect(failure.code).toBe(Status.RESOURCE_EXHAUSTED);
    } finally {
      transport.close();
      server.forceShutdown();
    }
  });
});

function retryInfoStatusBase64(): string {
  const duration = new BinaryWriter().uint32(8).int64(1).uint32(16).int32(500_000_000).finish();
  const retryInfo = new BinaryWriter().uint32(10).bytes(duration).finish();
  const any = new BinaryWriter()
    .uint32(10)
    .string('type.googleapis.com/google.rpc.RetryInfo')
    .uint32(18)
    .bytes(retryInfo)
    .finish();
  const status = new BinaryWriter().uint32(8).int32(8).uint32(18).string('quota');
  return Buffer.from(status.uint32(26).bytes(any).finish()).toString('base64');
}
