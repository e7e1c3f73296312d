export { readTelemetrySettings, type TelemetrySettings } from './telemetry-settings';
export { startTelemetry } from './telemetry.bootstrap';
export { flushTelemetry } from './telemetry-flush';
export { junctionTracer } from './tracer';
export { httpHeadersGetter, grpcMetadataGetter, grpcMetadataSetter } from './trace-carriers';
export { createLogger, type Logger, type LoggerOptions } from './logger.factory';
export { PinoNestLogger } from './nest-logger.adapter';
export { registerHttpTracing, type HttpTracingOptions } from './http-server-tracing';
export { exitOnSignal } from './exit-on-signal';
