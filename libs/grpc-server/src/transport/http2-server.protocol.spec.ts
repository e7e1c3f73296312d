import { status as Status } from '@grpc/grpc-js';
import { connect, type ClientHttp2Session } from 'node:http2';
import { grpcFrame } from '@junction/grpc-client';
import { StatusError } from '../status.error';
import { Http2ServerTransport } from './http2-server.transport';
import { sendRaw as send } from './server-transport.fixture';
import type { UnaryRoute, UnaryServerTransport } from './unary-server-transport.port';

// The lean server on the wire, byte by byte, with a raw HTTP/2 client: what
// gRPC-over-HTTP/2 asks of a server, including what a well-behaved client
// never sends.

const routes: Record<string, UnaryRoute> = {
  '/test.Wire/Echo': async (request) => request,
  '/test.Wire/Budget': async (_request, call) =>
    Buffer.from(String(call.deadline === undefined ? 'none' : call.deadline - Date.now())),
  '/test.Wire/Fail': async () => {
    throw new StatusError(Status.ABORTED, 'retry: 100% ünïcode/ok', 'CONFLICT');
  },
};

const grpcMessage = (text: string) => grpcFrame(Buffer.from(text));

async function start(
  server: UnaryServerTransport,
): Promise<{ session: ClientHttp2Session; address: string }> {
  await server.listen(
    { host: '127.0.0.1', port: 0 },
    { unary: new Map(Object.entries(routes)), watch: new Map() },
  );
  const address = `127.0.0.1:${server.port}`;
  return { session: connect(`http://${address}`), address };
}

describe('the lean http2 server on the wire', () => {
  const server = new Http2ServerTransport();
  let session: ClientHttp2Session;
  beforeAll(async () => ({ session } = await start(server)));
  afterAll(async () => {
    session.close();
    await server.drain(1000);
  });

  const call = (path: string, body = [grpcMessage('hi')], headers: Record<string, string> = {}) =>
    send(session, { ':path': path, ...headers }, body);

  it('answers a unary call with headers, one message and an OK status in the trailers', async () => {
    const answer = await call('/test.Wire/Echo', [grpcMessage('payload')]);
    expect(answer.headers[':status']).toBe(200);
    expect(answer.headers['content-type']).toBe('application/grpc+proto');
    expect(answer.body).toEqual(grpcMessage('payload'));
    expect(answer.trailers['grpc-status']).toBe('0');
  });

  it('reads a message split across DATA frames', async () => {
    const frame = grpcMessage('split in three');
    const answer = await call('/test.Wire/Echo', [
      frame.subarray(0, 2),
      frame.subarray(2, 9),
      frame.subarray(9),
    ]);
    expect(answer.body).toEqual(frame);
  });

  it('answers a failure trailers-only: status, percent-encoded message and metadata in one HEADERS frame', async () => {
    const answer = await call('/test.Wire/Fail');
    expect(answer.headersOnly).toBe(true);
    expect(answer.body.length).toBe(0);
    expect(answer.headers).toMatchObject({
      ':status': 200,
      'content-type': 'application/grpc+proto',
      'grpc-status': String(Status.ABORTED),
      'grpc-message': 'retry:%20100%25%20%C3%BCn%C3%AFcode/ok',
      'junction-error-reason': 'CONFLICT',
    });
  });

  it('answers UNIMPLEMENTED, trailers-only, for a path it has no route for', async () => {
    const answer = await call('/test.Wire/Missing');
    expect(answer.headersOnly).toBe(true);
    expect(answer.headers['grpc-status']).toBe(String(Status.UNIMPLEMENTED));
  });

  it('answers a request that is not POST with HTTP 405', async () => {
    const answer = await send(session, { ':method': 'GET', ':path': '/test.Wire/Echo' }, []);
    expect(answer.headers[':status']).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(answer.headers['grpc-status']).toBeUndefined();
  });

  it('answers a content type that is not gRPC with HTTP 415', async () => {
    const answer = await call('/test.Wire/Echo', [Buffer.from('{}')], {
      'content-type': 'application/json',
    });
    expect(answer.headers[':status']).toBe(415);
  });

  it.each([
    ['2S', 2000],
    ['1500m', 1500],
    ['1M', 60_000],
    ['1H', 3_600_000],
    ['2500000u', 2500],
    ['90000000n', 90],
  ])('reads grpc-timeout %s as %d ms', async (timeout, ms) => {
    const answer = await call('/test.Wire/Budget', [grpcMessage('')], { 'grpc-timeout': timeout });
    const left = Number(answer.body.subarray(5).toString());
    expect(left).toBeLessThanOrEqual(ms);
    expect(left).toBeGreaterThan(ms - 200);
  });

  it('gives no deadline without grpc-timeout, and refuses a malformed one with INTERNAL', async () => {
    expect((await call('/test.Wire/Budget')).body.subarray(5).toString()).toBe('none');
    for (const timeout of ['5', '123456789S', '1 S', '-1m', '1x']) {
      const answer = await call('/test.Wire/Budget', [grpcMessage('')], {
        'grpc-timeout': timeout,
      });
      expect(answer.headers['grpc-status']).toBe(String(Status.INTERNAL));
    }
  });

  it('refuses a compressed message: UNIMPLEMENTED for an encoding it does not speak, INTERNAL without one', async () => {
    const compressed = grpcMessage('zz');
    compressed[0] = 1;
    const gzip = await call('/test.Wire/Echo', [compressed], { 'grpc-encoding': 'gzip' });
    expect(gzip.headers['grpc-status']).toBe(String(Status.UNIMPLEMENTED));
    expect(gzip.headers['grpc-accept-encoding']).toBe('identity');
    const unnamed = await call('/test.Wire/Echo', [compressed]);
    expect(unnamed.headers['grpc-status']).toBe(String(Status.INTERNAL));
  });

  it('accepts an uncompressed message when the caller names an encoding anyway', async () => {
    const answer = await call('/test.Wire/Echo', [grpcMessage('plain')], {
      'grpc-encoding': 'gzip',
    });
    expect(answer.trailers['grpc-status']).toBe('0');
  });

  it('refuses two messages, a truncated one and none for a unary method', async () => {
    const twice = await call('/test.Wire/Echo', [grpcMessage('one'), grpcMessage('two')]);
    expect(twice.headers['grpc-status']).toBe(String(Status.UNIMPLEMENTED));
    const truncated = await call('/test.Wire/Echo', [grpcMessage('cut short').subarray(0, 8)]);
    expect(truncated.headers['grpc-status']).toBe(String(Status.INTERNAL));
    const none = await call('/test.Wire/Echo', []);
    expect(none.headers['grpc-status']).toBe(String(Status.UNIMPLEMENTED));
  });

  it('refuses a message over 4 MiB as soon as its prefix says so, and stops the upload', async () => {
    const prefix = Buffer.from([0, 0, 0x50, 0, 0]); // 5 MiB announced, none of it sent
    const answer = await send(session, { ':path': '/test.Wire/Echo' }, [prefix], false);
    expect(answer.headers['grpc-status']).toBe(String(Status.RESOURCE_EXHAUSTED));
    expect(answer.rstCode).toBe(0); // NO_ERROR: stop sending, the answer is complete
  });
});
