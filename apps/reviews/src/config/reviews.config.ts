import { hostField, logLevelField, millisField, portField } from '@junction/config';
import { z } from 'zod';

export const reviewsConfigSchema = z.object({
  REVIEWS_HOST: hostField('127.0.0.1'),
  REVIEWS_PORT: portField(50053),
  LOG_LEVEL: logLevelField,
  DRAIN_TIMEOUT_MS: millisField(10_000),
});

export type ReviewsConfig = z.output<typeof reviewsConfigSchema>;
