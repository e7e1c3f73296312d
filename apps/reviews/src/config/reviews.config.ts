import { grpcServiceEnv } from '@junction/config';
import { z } from 'zod';

export const reviewsConfigSchema = z.object({ ...grpcServiceEnv('REVIEWS', 9103) });

export type ReviewsConfig = z.output<typeof reviewsConfigSchema>;
