import { z } from 'zod';

/**
 * The OpenTelemetry knobs Junction reads, under their standard OTEL_* names so
 * ops can set them as for any OTel SDK. Sampling defaults to a parent-based
 * 10 % ratio: every request still gets a trace id and propagates it, but only
 * sampled ones pay for recording and export.
 */
const settingsSchema = z.object({
  OTEL_SERVICE_NAME: z.string().min(1).default('unknown_service'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_TRACES_SAMPLER: z.string().optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(0.1),
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
});

export interface TelemetrySettings {
  readonly serviceName: string;
  /** Export spans over OTLP/HTTP only when an endpoint is configured. */
  readonly exportTraces: boolean;
  /** A standard OTEL_TRACES_SAMPLER value; when unset, parent-based ratio. */
  readonly samplerFromEnv: boolean;
  readonly sampleRatio: number;
  readonly disabled: boolean;
}

export function readTelemetrySettings(
  env: Readonly<Record<string, string | undefined>>,
): TelemetrySettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid telemetry configuration: ${problems.join('; ')}`);
  }
  const s = parsed.data;
  return {
    serviceName: s.OTEL_SERVICE_NAME,
    exportTraces: Boolean(s.OTEL_EXPORTER_OTLP_ENDPOINT ?? s.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
    samplerFromEnv: s.OTEL_TRACES_SAMPLER !== undefined,
    sampleRatio: s.OTEL_TRACES_SAMPLER_ARG,
    disabled: s.OTEL_SDK_DISABLED === 'true',
  };
}
