// Real spans and log records from the OpenTelemetry SDK (in memory), for
// tests that feed the receiver what an exporter would send.
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type SpanContext,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

export interface SdkTrace {
  readonly spans: ReadableSpan[];
  readonly root: SpanContext;
  readonly client: SpanContext;
}

/** A gateway SERVER span with a CLIENT child, and a catalog SERVER span under that. */
export async function sdkTrace(
  rootAttributes: Record<string, string | number | boolean | string[]> = {},
): Promise<SdkTrace> {
  const exported: ReadableSpan[] = [];
  const make = (service: string) => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      sampler: new AlwaysOnSampler(),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    return { tracer: provider.getTracer('test'), exporter, provider };
  };
  const gateway = make('gateway');
  const catalog = make('catalog');
  const root = gateway.tracer.startSpan('GET /api/v1/products/:id', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.route': '/api/v1/products/:id',
      'http.response.status_code': 200,
      ...rootAttributes,
    },
  });
  const client = gateway.tracer.startSpan(
    'catalog.v1.CatalogService/GetProduct',
    { kind: SpanKind.CLIENT, attributes: { 'rpc.method': 'GetProduct', retries: 1 } },
    trace.setSpan(ROOT_CONTEXT, root),
  );
  client.addEvent('retry', { attempt: 2, 'junction.breaker': 'closed' });
  const server = catalog.tracer.startSpan(
    'catalog.v1.CatalogService/GetProduct',
    { kind: SpanKind.SERVER, attributes: { 'big.int': 2 ** 40, ratio: 0.5, tags: ['a', 'b'] } },
    trace.setSpan(ROOT_CONTEXT, client),
  );
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
  server.end();
  client.end();
  root.end();
  for (const { exporter, provider } of [gateway, catalog]) {
    await provider.forceFlush();
    exported.push(...exporter.getFinishedSpans());
  }
  return { spans: exported, root: root.spanContext(), client: client.spanContext() };
}

/** Two log records of service `orders`, the second inside `context`'s span. */
export async function sdkLogs(context: SpanContext): Promise<ReadableLogRecord[]> {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders' }),
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('test');
  logger.emit({
    severityNumber: 9,
    severityText: 'info',
    body: 'order placed',
    attributes: { orderId: 'o-1' },
  });
  logger.emit({
    severityNumber: 17,
    severityText: 'error',
    body: 'payment <script>alert(1)</script> failed',
    context: trace.setSpanContext(ROOT_CONTEXT, context),
  });
  await provider.forceFlush();
  return exporter.getFinishedLogRecords();
}
