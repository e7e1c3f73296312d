import { readTelemetrySettings } from './telemetry-settings';

describe('readTelemetrySettings', () => {
  it('defaults to no export and a 10 % parent-based ratio', () => {
    expect(readTelemetrySettings({})).toEqual({
      serviceName: 'unknown_service',
      exportTraces: false,
      samplerFromEnv: false,
      sampleRatio: 0.1,
      disabled: false,
    });
  });

  it('exports when an OTLP endpoint is set', () => {
    expect(
      readTelemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).exportTraces,
    ).toBe(true);
  });

  it('leaves the sampler to the SDK when OTEL_TRACES_SAMPLER is set', () => {
    expect(readTelemetrySettings({ OTEL_TRACES_SAMPLER: 'always_on' }).samplerFromEnv).toBe(true);
  });

  it.each([
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
  ])('rejects %j naming the variable', (env, name) => {
    expect(() => readTelemetrySettings(env)).toThrow(name);
  });
});
