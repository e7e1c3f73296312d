import { Module } from '@nestjs/common';
import { SeededReviewRepository } from './data/seeded-review.repository';
import { ReviewSummaries } from './domain/review-summaries';
import { ReviewRepository } from './domain/review.repository';
import { ReviewsController } from './grpc/reviews.controller';

@Module({
  controllers: [ReviewsController],
  providers: [
    ReviewSummaries,
    { provide: ReviewRepository, useFactory: () => new SeededReviewRepository() },
  ],
})
export class ReviewsModule {}
