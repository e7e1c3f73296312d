import { createLogger } from '@junction/telemetry';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { gzipSync } from 'node:zlib';
import { LogStore } from '../logs/log-store';
import { HostAllowList } from '../security/host-allow-list';
import { SpanStore } from '../traces/span-store';
import { OtlpIngest } from './otlp-ingest';
import { otlpReceiver } from './otlp-receiver.server';
import { sdkTrace } from './sdk-telemetry.fixture';

const PORT = 4318;
const HOST = `127.0.0.1:${PORT}`;

function receiver(options: { apiKey?: string; maxBytes?: number } = {}) {
  const spans = new SpanStore(1000);
  const app = otlpReceiver({
    ingest: new OtlpIngest(spans, new LogStore(100), { maxAttributes: 128, maxValueLength: 4096 }),
    maxBytes: options.maxBytes ?? 4 * 1024 * 1024,
    apiKey: options.apiKey,
    hosts: new HostAllowList('127.0.0.1', []),
    port: () => PORT,
    logger: createLogger({ name: 'console', level: 'silent' }),
  });
  return { app, spans };
}

const post = (
  app: ReturnType<typeof receiver>['app'],
  body: Buffer | string,
  headers: Record<string, string> = {},
  url = '/v1/traces',
) =>
  app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { host: HOST, 'content-type': 'application/json', ...headers },
  });

describe('the OTLP/HTTP receiver', () => {
  it('stores a JSON export and answers the empty JSON export response', async () => {
    const { app, spans } = receiver();
    const { spans: sdkSpans, root } = await sdkTrace();
    const res = await post(app, Buffer.from(JsonTraceSerializer.serializeRequest(sdkSpans)!));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({});
    expect(spans.trace(root.traceId)?.spans).toHaveLength(3);
  });

  it('stores a gzipped protobuf export and answers an empty protobuf response', async () => {
    const { app, spans } = receiver();
    const { spans: sdkSpans, root } = await sdkTrace();
    const body = gzipSync(Buffer.from(ProtobufTraceSerializer.serializeRequest(sdkSpans)!));
    const res = await post(app, body, {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(res.rawPayload).toHaveLength(0);
    expect(spans.trace(root.traceId)?.spans).toHaveLength(3);
  });

  it.each([
    ['text/plain', {}],
    ['application/xml', {}],
    ['application/json', { 'content-encoding': 'br' }],
  ])('refuses Content-Type %s %j with 415', async (contentType, headers) => {
    const { app } = receiver();
    const res = await post(app, '{}', { 'content-type': contentType, ...headers });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a body over the limit with 413, inflated or not', async () => {
    const { app } = receiver({ maxBytes: 1024 });
    const big = JSON.stringify({ resourceSpans: [], pad: 'x'.repeat(4096) });
    expect((await post(app, big)).statusCode).toBe(413);
    const bomb = gzipSync(Buffer.from(big));
    expect(bomb.length).toBeLessThan(1024);
    const res = await post(app, bomb, { 'content-encoding': 'gzip' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, detail: 'inflated body is over 1024 bytes' });
  });

  it('refuses malformed bodies with 400 problems and keeps serving', async () => {
    const { app, spans } = receiver();
    for (const [body, headers] of [
      ['{"resourceSpans": [', {}],
      ['{"resourceSpans": 7}', {}],
      ['not gzip', { 'content-encoding': 'gzip' }],
      [Buffer.from([0x0a, 0x05, 0x01]), { 'content-type': 'application/x-protobuf' }],
    ] as const) {
      const res = await post(app, body, headers);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ type: 'about:blank', status: 400 });
    }
    const { spans: sdkSpans, root } = await sdkTrace();
    expect(
      (await post(app, Buffer.from(JsonTraceSerializer.serializeRequest(sdkSpans)!))).statusCode,
    ).toBe(200);
    expect(spans.trace(root.traceId)).toBeDefined();
  });

  it('stores nothing of a request with one bad span', async () => {
    const { app, spans } = receiver();
    const good = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name: 'ok' };
    const bad = { traceId: 'a'.repeat(32), spanId: '0'.repeat(16), name: 'bad' };
    const res = await post(
      app,
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [good, bad] }] }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(spans.stats().spans).toBe(0);
  });

  it('requires x-otlp-api-key when one is configured', async () => {
    const { app } = receiver({ apiKey: 'k'.repeat(20) });
    expect((await post(app, '{}')).statusCode).toBe(401);
    expect((await post(app, '{}', { 'x-otlp-api-key': 'wrong' })).statusCode).toBe(401);
    expect((await post(app, '{}', { 'x-otlp-api-key': 'k'.repeat(20) })).statusCode).toBe(200);
  });

  it('refuses a Host it does not answer to, and unknown paths', async () => {
    const { app } = receiver();
    expect((await post(app, '{}', { host: 'rebound.example:4318' })).statusCode).toBe(403);
    expect((await post(app, '{}', { host: 'localhost:4318' }, '/v1/logs')).statusCode).toBe(200);
    expect((await post(app, '{}', {}, '/v1/metrics')).statusCode).toBe(404);
  });
});
