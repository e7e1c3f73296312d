import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { TelemetrySettings } from './telemetry-settings';

/**
 * Starts the OpenTelemetry SDK for this process. No auto-instrumentation:
 * Junction makes its spans in its own HTTP hooks and gRPC middleware, which
 * costs a fraction of the stock http/grpc instrumentations.
 */
export function startTelemetry(settings: TelemetrySettings): NodeSDK | undefined {
  if (settings.disabled) return undefined;
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    // A tracer provider must exist even without an exporter, or root spans
    // would carry the all-zero trace id and X-Trace-Id would be meaningless.
    spanProcessors: [
      settings.exportTraces
        ? new BatchSpanProcessor(new OTLPTraceExporter())
        : new NoopSpanProcessor(),
    ],
    sampler: settings.samplerFromEnv
      ? undefined
      : new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return sdk;
}
