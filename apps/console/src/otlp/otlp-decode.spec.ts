import {
  JsonLogsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { ProblemError } from '../http/problem';
import { AttributeCaps } from './attribute-caps';
import { toLogViews } from './log.mapper';
import { decodeExport, type OtlpEncoding } from './otlp-decode';
import { sdkLogs, sdkTrace } from './sdk-telemetry.fixture';
import { toStoredSpans } from './span.mapper';

const caps = () => new AttributeCaps({ maxAttributes: 128, maxValueLength: 4096 });

const serializers = {
  json: { traces: JsonTraceSerializer, logs: JsonLogsSerializer },
  protobuf: { traces: ProtobufTraceSerializer, logs: ProtobufLogsSerializer },
} as const;

describe.each(['json', 'protobuf'] as OtlpEncoding[])('decoding OTLP %s', (encoding) => {
  it('reads the SDK’s spans: ids, parents, kinds, services, times, status, attributes, events', async () => {
    const { spans, root, client } = await sdkTrace();
    const body = Buffer.from(serializers[encoding].traces.serializeRequest(spans)!);
    const stored = toStoredSpans(decodeExport('traces', encoding, body), caps());

    expect(stored).toHaveLength(3);
    const byId = new Map(stored.map((span) => [span.view.spanId, span]));
    const rootSpan = byId.get(root.spanId)!;
    const clientSpan = byId.get(client.spanId)!;
    const serverSpan = stored.find((span) => span.view.parentSpanId === client.spanId)!;
    expect(stored.every((span) => span.traceId === root.traceId)).toBe(true);
    expect(rootSpan.view).toMatchObject({
      parentSpanId: '',
      name: 'GET /api/v1/products/:id',
      kind: 'SERVER',
      service: 'gateway',
      status: { code: 'UNSET' },
      attributes: { 'http.route': '/api/v1/products/:id', 'http.response.status_code': 200 },
    });
    expect(clientSpan.view).toMatchObject({ kind: 'CLIENT', parentSpanId: root.spanId });
    expect(clientSpan.view.events).toEqual([
      expect.objectContaining({
        name: 'retry',
        attributes: { attempt: 2, 'junction.breaker': 'closed' },
      }),
    ]);
    expect(serverSpan.view).toMatchObject({
      kind: 'SERVER',
      service: 'catalog',
      status: { code: 'ERROR', message: 'boom' },
      attributes: { 'big.int': 2 ** 40, ratio: 0.5, tags: ['a', 'b'] },
    });
    const sdkRoot = spans.find((span) => span.spanContext().spanId === root.spanId)!;
    const [seconds, nanos] = sdkRoot.startTime;
    expect(rootSpan.view.startTimeUnixNano).toBe(
      (BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString(),
    );
    expect(rootSpan.endMs).toBeGreaterThanOrEqual(rootSpan.startMs);
  });

  it('reads the SDK’s log records with level, body, attributes and trace context', async () => {
    const { client } = await sdkTrace();
    const records = await sdkLogs(client);
    const body = Buffer.from(serializers[encoding].logs.serializeRequest(records)!);
    const logs = toLogViews(decodeExport('logs', encoding, body), caps());

    expect(logs).toEqual([
      expect.objectContaining({
        service: 'orders',
        level: 'info',
        message: 'order placed',
        attributes: { orderId: 'o-1' },
      }),
      expect.objectContaining({
        level: 'error',
        message: 'payment <script>alert(1)</script> failed',
        traceId: client.traceId,
        spanId: client.spanId,
      }),
    ]);
    expect(logs[0]).not.toHaveProperty('traceId');
  });
});

describe('refusing what is not an export', () => {
  const refusal = (run: () => unknown): ProblemError => {
    try {
      run();
    } catch (error) {
      if (error instanceof ProblemError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it.each([
    ['not JSON', '{"resourceSpans": ['],
    ['a string where spans go', '{"resourceSpans": [{"scopeSpans": [{"spans": "x"}]}]}'],
    [
      'a non-hex trace id',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz","spanId":"00"}]}]}]}',
    ],
    [
      'a fractional time',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"","spanId":"","startTimeUnixNano":1.5}]}]}]}',
    ],
  ])('JSON with %s is a 400', (_what, json) => {
    expect(refusal(() => decodeExport('traces', 'json', Buffer.from(json))).status).toBe(400);
  });

  it('protobuf wire garbage is a 400', () => {
    expect(
      refusal(() => decodeExport('traces', 'protobuf', Buffer.from([0x0a, 0xff, 0xff, 0x01])))
        .status,
    ).toBe(400);
  });

  it('values nested deeper than the stack allows are a 400, not a crash', () => {
    const depth = 20_000;
    const value = '{"arrayValue":{"values":['.repeat(depth) + ']}}'.repeat(depth);
    const json = `{"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":${value}}]}}]}`;
    expect(refusal(() => decodeExport('traces', 'json', Buffer.from(json))).status).toBe(400);
  });

  it('a span with an all-zero trace id is refused with where it was', async () => {
    const json = JSON.stringify({
      resourceSpans: [
        { scopeSpans: [{ spans: [{ traceId: '0'.repeat(32), spanId: '1'.repeat(16) }] }] },
      ],
    });
    const error = refusal(() =>
      toStoredSpans(decodeExport('traces', 'json', Buffer.from(json)), caps()),
    );
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      'resourceSpans[0].scopeSpans[0].spans[0].traceId: must be 16 bytes, not all zero',
    ]);
  });
});
