import { loadConfig } from '@junction/config';
import { reviewsConfigSchema } from './reviews.config';

// Parsing, ranges and errors are grpcServiceEnv's, tested in libs/config.
describe('reviews config', () => {
  it('defaults to 127.0.0.1:9103 with a 10 s drain', () => {
    expect(loadConfig(reviewsConfigSchema, {})).toMatchObject({
      REVIEWS_HOST: '127.0.0.1',
      REVIEWS_PORT: 9103,
      LOG_LEVEL: 'info',
      DRAIN_TIMEOUT_MS: 10_000,
    });
  });
});
