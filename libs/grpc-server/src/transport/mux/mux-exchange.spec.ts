import { Metadata, status as Status } from '@grpc/grpc-js';
import {
  ERROR_REASON_KEY,
  isUnreachable,
  MuxTransport,
  type TransportFailure,
} from '@junction/grpc-client';
import { waitUntil } from '@junction/test-support';
import type { InboundCall } from '../../server-call.types';
import { StatusError } from '../../status.error';
import { GrpcJsServerTransport } from '../grpc-js-server.transport';
import { Http2ServerTransport } from '../http2-server.transport';
import type { UnaryRoute, UnaryServerTransport } from '../unary-server-transport.port';

// MuxTransport (libs/grpc-client) against the lean server's Exchange: many
// unary calls as messages on one stream, with the semantics of calls on
// their own streams.

const soon = (ms = 5000) => Date.now() + ms;
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => Promise.reject(new Error('expected the call to fail')),
    (failure: TransportFailure) => failure,
  );

/** Calls that wait until the test lets them go, by request text. */
const held = new Map<string, () => void>();
const seen: InboundCall[] = [];
const cancelled: string[] = [];
const routes: Record<string, UnaryRoute> = {
  '/test.Mux/Echo': async (request) => request,
  '/test.Mux/Hold': (request, call) =>
    new Promise<Buffer>((resolve) => {
      call.onCancel(() => cancelled.push(request.toString()));
      held.set(request.toString(), () => resolve(request));
    }),
  '/test.Mux/Inspect': async (_request, call) => {
    seen.push(call);
    return Buffer.from(
      JSON.stringify({ echo: call.header('x-echo'), deadline: call.deadline, now: Date.now() }),
    );
  },
  '/test.Mux/Fail': async () => {
    throw new StatusError(Status.FAILED_PRECONDITION, 'not now: 100% ünïcode', 'NOT_NOW');
  },
  '/test.Mux/Big': async () => Buffer.alloc(2048, 1),
};

async function serve(transport: UnaryServerTransport): Promise<string> {
  await transport.listen(
    { host: '127.0.0.1', port: 0 },
    { unary: new Map(Object.entries(routes)), watch: new Map() },
  );
  return `127.0.0.1:${transport.port}`;
}

describe('the mux between MuxTransport and the lean server', () => {
  let server: Http2ServerTransport;
  let address: string;
  let client: MuxTransport;
  const call = (name: string, body = 'x', metadata = new Metadata(), deadline = soon()) =>
    client.call(address, `/test.Mux/${name}`, Buffer.from(body), metadata, deadline);

  beforeEach(async () => {
    server = new Http2ServerTransport();
    address = await serve(server);
    client = new MuxTransport({ maxResponseBytes: 1024 });
  });
  afterEach(async () => {
    client.close();
    for (const release of held.values()) release();
    held.clear();
    await server.drain(1000);
  });

  it('answers concurrent calls by id, in the order they finish', async () => {
    const first = call('Hold', 'first');
    const second = call('Hold', 'second');
    await waitUntil(() => held.size === 2, { what: 'both calls to arrive' });
    held.get('second')!();
    expect((await second).toString()).toBe('second');
    held.get('first')!();
    expect((await first).toString()).toBe('first');
    const many = await Promise.all(Array.from({ length: 200 }, (_, i) => call('Echo', `m${i}`)));
    expect(many.map(String)).toEqual(Array.from({ length: 200 }, (_, i) => `m${i}`));
  });

  it('carries the metadata and the deadline to the route', async () => {
    const metadata = new Metadata();
    metadata.set('x-echo', 'hello');
    metadata.set('x-blob-bin', Buffer.from([0, 1, 2]));
    const deadline = soon(3000);
    const sent = Date.now();
    const answer = JSON.parse((await call('Inspect', 'x', metadata, deadline)).toString());
    expect(answer.echo).toBe('hello');
    // The time left travels (as grpc-timeout does), so the server's deadline is
    // the caller's, later by at most the time the call took to arrive (+1 ms rounding).
    expect(answer.deadline).toBeGreaterThanOrEqual(deadline);
    expect(answer.deadline).toBeLessThanOrEqual(deadline + (answer.now - sent) + 1);
    expect(seen.at(-1)!.metadata.get('x-blob-bin')).toEqual([Buffer.from([0, 1, 2])]);
  });

  it("reports a route's error with its code, message and reason trailer", async () => {
    const failure = await failureOf(call('Fail'));
    expect(failure.code).toBe(Status.FAILED_PRECONDITION);
    expect(failure.details).toBe('not now: 100% ünïcode');
    expect(failure.metadata?.get(ERROR_REASON_KEY)).toEqual(['NOT_NOW']);
    expect(isUnreachable(failure)).toBe(false);
  });

  it('answers UNIMPLEMENTED for a path it lacks, and keeps serving the stream', async () => {
    const failure = await failureOf(call('Nothing'));
    expect(failure.code).toBe(Status.UNIMPLEMENTED);
    expect((await call('Echo', 'still here')).toString()).toBe('still here');
  });

  it('gives up at the deadline and tells the server, which cancels the call', async () => {
    const failure = await failureOf(call('Hold', 'slow', new Metadata(), soon(100)));
    expect(failure.code).toBe(Status.DEADLINE_EXCEEDED);
    await waitUntil(() => cancelled.includes('slow'), { what: 'the server to see the cancel' });
  });

  it('refuses a response over its size limit with RESOURCE_EXHAUSTED', async () => {
    expect((await failureOf(call('Big'))).code).toBe(Status.RESOURCE_EXHAUSTED);
  });

  it('lets calls in flight finish on drain, and answers later ones UNAVAILABLE unrun', async () => {
    const inFlight = call('Hold', 'draining');
    await waitUntil(() => held.has('draining'), { what: 'the call to arrive' });
    const drained = server.drain(5000);
    const late = await failureOf(call('Echo', 'late'));
    expect(late.code).toBe(Status.UNAVAILABLE);
    held.get('draining')!();
    expect((await inFlight).toString()).toBe('draining');
    await drained;
  });

  it('fails calls in flight as unreachable when the connection drops', async () => {
    const inFlight = failureOf(call('Hold', 'dropped'));
    await waitUntil(() => held.has('dropped'), { what: 'the call to arrive' });
    await server.drain(0);
    const failure = await inFlight;
    expect(failure.code).toBe(Status.UNAVAILABLE);
    expect(isUnreachable(failure)).toBe(true);
  });
});

describe('MuxTransport against a server without the mux', () => {
  it('falls back to unary calls, the first ones included', async () => {
    const server = new GrpcJsServerTransport();
    const address = await serve(server);
    const client = new MuxTransport();
    try {
      const answers = await Promise.all(
        ['a', 'b', 'c'].map((body) =>
          client.call(address, '/test.Mux/Echo', Buffer.from(body), new Metadata(), soon()),
        ),
      );
      expect(answers.map(String)).toEqual(['a', 'b', 'c']);
      const later = await client.call(
        address,
        '/test.Mux/Echo',
        Buffer.from('d'),
        new Metadata(),
        soon(),
      );
      expect(later.toString()).toBe('d');
    } finally {
      client.close();
      await server.drain(1000);
    }
  });
});
