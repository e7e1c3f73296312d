import { grpcServiceEnv } from '@junction/config';
import { z } from 'zod';

export const reviewsConfigSchema = z.object({ ...grpcServiceEnv('REVIEWS', 50053) });

export type ReviewsConfig = z.output<typeof reviewsConfigSchema>;
