import { loadConfig } from '@junction/config';
import { gatewayConfigSchema } from '../../config/gateway.config';

const load = (env: Record<string, string>) => loadConfig(gatewayConfigSchema, env);

describe('rate-limit and proxy configuration', () => {
  it('has defaults for a public API: 600 per minute, counters in memory, no proxy trusted', () => {
    const config = load({});
    expect(config).toMatchObject({
      RATE_LIMIT_POINTS: 600,
      RATE_LIMIT_DURATION_S: 60,
      REDIS_COMMAND_TIMEOUT_MS: 100,
      TRUST_PROXY: false,
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('accepts a redis:// or rediss:// URL, and takes an empty one for unset', () => {
    expect(load({ REDIS_URL: 'redis://:secret@redis.internal:6379/2' }).REDIS_URL).toBe(
      'redis://:secret@redis.internal:6379/2',
    );
    expect(load({ REDIS_URL: 'rediss://redis.internal' }).REDIS_URL).toBe(
      'rediss://redis.internal',
    );
    expect(load({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it.each(['localhost:6379', 'http://redis:6379', 'redis://'])(
    'refuses to start with REDIS_URL=%s',
    (url) => {
      expect(() => load({ REDIS_URL: url })).toThrow(/REDIS_URL: must be a redis:\/\//);
    },
  );

  it.each([
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 10.1.0.0/16 ,::1', ['10.0.0.1', '10.1.0.0/16', '::1']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(load({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(['yes', '10.0.0.1/33', 'proxy.internal'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => load({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a limit of zero', () => {
    expect(() => load({ RATE_LIMIT_POINTS: '0' })).toThrow(/RATE_LIMIT_POINTS/);
  });
});
