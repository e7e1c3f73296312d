import { Metadata, status as Status } from '@grpc/grpc-js';
import { healthV1 } from '@junction/contracts';
import { connect, type IncomingHttpHeaders } from 'node:http2';
import { GrpcCallError, grpcFrame, PUSHBACK_KEY, type UnaryTransport } from '@junction/grpc-client';
import { waitUntil } from '@junction/test-support';
import {
  cancelled,
  cancelledWhileAnswering,
  CLIENTS,
  failureOf,
  held,
  seen,
  seenHeld,
  sendRaw,
  serve,
  SERVERS,
  soon,
  type Running,
} from './server-transport.fixture';

// Both server transports, each called by both client transports: they must
// be interchangeable, so every behaviour is checked on every pair.

describe.each(SERVERS)('%s server', (_server, createServer) => {
  let running: Running;
  beforeAll(async () => (running = await serve(createServer)));
  afterAll(async () => {
    for (const release of held.splice(0)) release();
    await running.server.drain(1000);
  });

  describe.each(CLIENTS)('called by the %s client', (_client, createClient) => {
    let client: UnaryTransport;
    beforeAll(() => (client = createClient()));
    afterAll(() => client.close());
    const call = (
      name: string,
      request = Buffer.from('hi'),
      metadata = new Metadata(),
      deadline = soon(),
    ) => client.call(running.address, `/test.Conformance/${name}`, request, metadata, deadline);

    it('carries a message there and back, an empty one too', async () => {
      expect(await call('Echo', Buffer.from('payload'))).toEqual(Buffer.from('payload'));
      expect(await call('Echo', Buffer.alloc(0))).toEqual(Buffer.alloc(0));
    });

    it('carries 1 MB each way whole', async () => {
      expect(String(await call('Size', Buffer.alloc(1_000_000, 1)))).toBe('1000000');
      const response = await call('Big');
      expect(response.length).toBe(1_000_000);
      expect(response.every((b) => b === 7)).toBe(true);
    });

    it("hands the route the caller's metadata, -bin values decoded, and its deadline", async () => {
      const metadata = new Metadata();
      metadata.set('x-echo', 'from the client');
      metadata.set('x-trace-bin', Buffer.from([0, 1, 254, 255]));
      const deadline = soon(3000);
      seen.length = 0;
      await call('Inspect', Buffer.from('x'), metadata, deadline);
      const [inbound] = seen;
      expect(inbound.path).toBe('/test.Conformance/Inspect');
      expect(inbound.header('x-echo')).toBe('from the client');
      expect(inbound.metadata.get('x-echo')).toEqual(['from the client']);
      expect(inbound.metadata.get('x-trace-bin')).toEqual([Buffer.from([0, 1, 254, 255])]);
      // Transport headers are not the caller's metadata.
      expect(inbound.metadata.get('grpc-timeout')).toEqual([]);
      expect(inbound.metadata.get('content-type')).toEqual([]);
      // grpc-timeout travels as a duration: the server's deadline is the
      // caller's, shifted by the time the request took to arrive.
      expect(Math.abs(inbound.deadline! - deadline)).toBeLessThan(500);
      expect(cancelledWhileAnswering.at(-1)).toBe(false);
    });

    it('answers a StatusError with its code, percent-decoded message, reason and pushback', async () => {
      const failure = await failureOf(call('Fail'));
      expect(failure.code).toBe(Status.FAILED_PRECONDITION);
      expect(failure.details).toBe('not now: 100% ünïcode, a/b');
      const error = GrpcCallError.fromServiceError(failure, 'test', '/test.Conformance/Fail');
      expect(error.reason).toBe('NOT_NOW');
      expect(error.retryAfterMs).toBe(250);
      expect(failure.metadata?.get(PUSHBACK_KEY)).toEqual(['250']);
    });

    it('answers anything but a StatusError INTERNAL, without its text', async () => {
      expect(await failureOf(call('Bug'))).toMatchObject({
        code: Status.INTERNAL,
        details: 'internal error',
      });
    });

    it('answers UNIMPLEMENTED for a method it has no route for', async () => {
      expect((await failureOf(call('Missing'))).code).toBe(Status.UNIMPLEMENTED);
    });

    it('refuses a request over 4 MiB with RESOURCE_EXHAUSTED', async () => {
      const failure = await failureOf(call('Size', Buffer.alloc(4 * 1024 * 1024 + 1)));
      expect(failure.code).toBe(Status.RESOURCE_EXHAUSTED);
    });

    it('tells the route when the caller gives up', async () => {
      cancelled.length = 0;
      const failure = await failureOf(
        call('Hold', Buffer.from('impatient'), new Metadata(), soon(100)),
      );
      expect(failure.code).toBe(Status.DEADLINE_EXCEEDED);
      await waitUntil(() => cancelled.includes('impatient'), { what: 'the route to hear of it' });
      expect(seenHeld.at(-1)?.cancelled).toBe(true);
      held.splice(0).forEach((release) => release());
    });

    it('serves many concurrent calls on one connection', async () => {
      const replies = await Promise.all(
        Array.from({ length: 200 }, (_, i) => call('Echo', Buffer.from(String(i)))),
      );
      expect(replies.map(String)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    });

    it('answers grpc.health.v1.Health/Check: the status, NOT_FOUND for a service not hosted', async () => {
      const check = async (service: string) =>
        healthV1.HealthCheckResponse.decode(
          await client.call(
            running.address,
            '/grpc.health.v1.Health/Check',
            Buffer.from(healthV1.HealthCheckRequest.encode({ service }).finish()),
            new Metadata(),
            soon(),
          ),
        ).status;
      expect(await check('')).toBe('SERVING');
      expect(await check('test.Conformance')).toBe('SERVING');
      expect((await failureOf(check('other.Service'))).code).toBe(Status.NOT_FOUND);
    });
  });
});

describe('both server transports on the wire', () => {
  it('send a StatusError as the same status, message and metadata bytes', async () => {
    const answers: IncomingHttpHeaders[] = [];
    for (const [, create] of SERVERS) {
      const running = await serve(create);
      const session = connect(`http://${running.address}`);
      try {
        const answer = await sendRaw(session, { ':path': '/test.Conformance/Fail' }, [
          grpcFrame(Buffer.from('x')),
        ]);
        answers.push(answer.headers);
      } finally {
        session.close();
        await running.server.drain(1000);
      }
    }
    const wire = (headers: IncomingHttpHeaders) => {
      const metadata = Metadata.fromHttp2Headers(headers);
      // HTTP's and gRPC's own headers, not the call's metadata (the lean
      // server also says it accepts only identity).
      const transportHeaders = [
        'date',
        'content-type',
        'grpc-status',
        'grpc-message',
        'grpc-accept-encoding',
      ];
      for (const key of transportHeaders) metadata.remove(key);
      return {
        status: headers['grpc-status'],
        message: headers['grpc-message'],
        metadata: metadata.toJSON(),
      };
    };
    expect(wire(answers[0])).toEqual(wire(answers[1]));
    expect(wire(answers[0]).metadata).toEqual({
      'junction-error-reason': ['NOT_NOW'],
      'grpc-retry-pushback-ms': ['250'],
    });
  });
});
