import { z } from 'zod';
import { grpcServiceEnv } from './grpc-service-env';
import { loadConfig } from './load-config';

const schema = z.object({ ...grpcServiceEnv('CATALOG', 9101) });

describe('grpcServiceEnv', () => {
  it('defaults to loopback, the given port, info logs and a 10 s drain', () => {
    expect(loadConfig(schema, {})).toMatchObject({
      CATALOG_HOST: '127.0.0.1',
      CATALOG_PORT: 9101,
      LOG_LEVEL: 'info',
      DRAIN_TIMEOUT_MS: 10_000,
      DISCOVERY: 'consul',
      CONSUL_HTTP_ADDR: 'http://127.0.0.1:8500',
      CHECK_INTERVAL: '5s',
      DEREGISTER_CRITICAL_AFTER: '1m',
      METRICS_PORT: 0,
      GRPC_SERVER_TRANSPORT: 'http2',
    });
    expect(loadConfig(schema, {}).METRICS_HOST).toBeUndefined();
  });

  it('reads where metrics are served, and refuses a port out of range', () => {
    expect(loadConfig(schema, { METRICS_HOST: '0.0.0.0', METRICS_PORT: '9464' })).toMatchObject({
      METRICS_HOST: '0.0.0.0',
      METRICS_PORT: 9464,
    });
    expect(() => loadConfig(schema, { METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });

  it('reads the prefixed variables', () => {
    expect(loadConfig(schema, { CATALOG_HOST: '0.0.0.0', CATALOG_PORT: '6000' })).toMatchObject({
      CATALOG_HOST: '0.0.0.0',
      CATALOG_PORT: 6000,
    });
  });

  it('chooses the grpc-js server transport, and refuses one it does not know', () => {
    expect(loadConfig(schema, { GRPC_SERVER_TRANSPORT: 'grpc-js' }).GRPC_SERVER_TRANSPORT).toBe(
      'grpc-js',
    );
    expect(() => loadConfig(schema, { GRPC_SERVER_TRANSPORT: 'h2' })).toThrow(
      /GRPC_SERVER_TRANSPORT/,
    );
  });

  it('rejects a check interval that is not a Go duration', () => {
    expect(() => loadConfig(schema, { CHECK_INTERVAL: '5' })).toThrow(/CHECK_INTERVAL/);
  });

  it('rejects a bad port and an unknown log level', () => {
    expect(() => loadConfig(schema, { CATALOG_PORT: '0', LOG_LEVEL: 'loud' })).toThrow(
      /CATALOG_PORT[\s\S]*LOG_LEVEL/,
    );
  });
});
