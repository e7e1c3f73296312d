import { z } from 'zod';
import { grpcServiceEnv } from './grpc-service-env';
import { loadConfig } from './load-config';

const schema = z.object({ ...grpcServiceEnv('CATALOG', 50051) });

describe('grpcServiceEnv', () => {
  it('defaults to loopback, the given port, info logs and a 10 s drain', () => {
    expect(loadConfig(schema, {})).toEqual({
      CATALOG_HOST: '127.0.0.1',
      CATALOG_PORT: 50051,
      LOG_LEVEL: 'info',
      DRAIN_TIMEOUT_MS: 10_000,
    });
  });

  it('reads the prefixed variables', () => {
    expect(loadConfig(schema, { CATALOG_HOST: '0.0.0.0', CATALOG_PORT: '6000' })).toMatchObject({
      CATALOG_HOST: '0.0.0.0',
      CATALOG_PORT: 6000,
    });
  });

  it('rejects a bad port and an unknown log level', () => {
    expect(() => loadConfig(schema, { CATALOG_PORT: '0', LOG_LEVEL: 'loud' })).toThrow(
      /CATALOG_PORT[\s\S]*LOG_LEVEL/,
    );
  });
});
