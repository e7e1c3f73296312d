import { reviewsV1 } from '@junction/contracts';
import { runService } from '@junction/grpc-server';
import { ReviewsModule } from './reviews.module';
import { reviewsConfigSchema } from './config/reviews.config';

runService({
  name: 'reviews',
  services: [reviewsV1.ReviewsServiceDefinition],
  config: reviewsConfigSchema,
  module: ReviewsModule,
});
