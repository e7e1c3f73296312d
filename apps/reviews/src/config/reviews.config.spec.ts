import { ConfigError, loadConfig } from '@junction/config';
import { reviewsConfigSchema } from './reviews.config';

describe('reviews config', () => {
  it('defaults to 127.0.0.1:50053 with a 10 s drain', () => {
    expect(loadConfig(reviewsConfigSchema, {})).toEqual({
      REVIEWS_HOST: '127.0.0.1',
      REVIEWS_PORT: 50053,
      LOG_LEVEL: 'info',
      DRAIN_TIMEOUT_MS: 10_000,
    });
  });

  it('reads REVIEWS_HOST and REVIEWS_PORT from the environment', () => {
    const config = loadConfig(reviewsConfigSchema, {
      REVIEWS_HOST: '0.0.0.0',
      REVIEWS_PORT: '50253',
    });
    expect(config).toMatchObject({ REVIEWS_HOST: '0.0.0.0', REVIEWS_PORT: 50253 });
  });

  it('rejects a port out of range, naming the variable', () => {
    const load = () => loadConfig(reviewsConfigSchema, { REVIEWS_PORT: '70000' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/REVIEWS_PORT/);
  });
});
