// Run by otlp-export.fixture.ts as a child process: real OpenTelemetry SDK
// providers and OTLP/HTTP exporters (their transport loads node:http with a
// dynamic import, which Jest's module sandbox cannot run), exporting the plan
// in EXPORT_PLAN, then printing the ids of the spans it made.
import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

const plan = JSON.parse(process.env.EXPORT_PLAN ?? '{}');
const resource = resourceFromAttributes({ 'service.name': plan.service });
const exporterOptions = {
  url: `${plan.url}/v1/${plan.logs ? 'logs' : 'traces'}`,
  ...(plan.gzip ? { compression: 'gzip' } : {}),
  ...(plan.headers ? { headers: plan.headers } : {}),
};
const made = [];

if (plan.spans) {
  const exporter =
    plan.encoding === 'protobuf'
      ? new ProtoExporter(exporterOptions)
      : new JsonExporter(exporterOptions);
  const provider = new BasicTracerProvider({
    resource,
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('console-test');
  const spans = [];
  for (const spec of plan.spans) {
    const parent =
      spec.parent === undefined ? ROOT_CONTEXT : trace.setSpan(ROOT_CONTEXT, spans[spec.parent]);
    const span = tracer.startSpan(
      spec.name,
      { kind: SpanKind[spec.kind ?? 'INTERNAL'], attributes: spec.attributes },
      parent,
    );
    for (const event of spec.events ?? []) span.addEvent(event.name, event.attributes);
    if (spec.error) span.setStatus({ code: 2, message: spec.error });
    spans.push(span);
  }
  for (const span of [...spans].reverse()) span.end();
  await provider.forceFlush();
  await provider.shutdown();
  made.push(
    ...spans.map((span) => span.spanContext()).map(({ traceId, spanId }) => ({ traceId, spanId })),
  );
}

if (plan.logs) {
  const provider = new LoggerProvider({
    resource,
    processors: [new SimpleLogRecordProcessor({ exporter: new OTLPLogExporter(exporterOptions) })],
  });
  const logger = provider.getLogger('console-test');
  for (const record of plan.logs) {
    const context = record.traceId
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: record.traceId,
          spanId: record.spanId,
          traceFlags: 1,
        })
      : undefined;
    logger.emit({
      severityNumber: record.severityNumber,
      severityText: record.severityText,
      body: record.body,
      context,
    });
  }
  await provider.forceFlush();
  await provider.shutdown();
}

process.stdout.write(JSON.stringify(made));
