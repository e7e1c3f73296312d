import { Injectable } from '@nestjs/common';
import type { reviewsV1 } from '@junction/contracts';
import { averageRating, mostHelpful } from './review-stats';
import { ReviewRepository } from './review.repository';

export const TOP_REVIEWS = 3;

/** The reviews use case. Inputs arrive validated in shape; rules live here. */
@Injectable()
export class ReviewSummaries {
  constructor(private readonly reviews: ReviewRepository) {}

  /**
   * Average, count and the most helpful reviews. Reviews do not know the
   * catalog, so a product without reviews, known or not, answers count 0.
   */
  summarize(productId: string): reviewsV1.GetSummaryResponse {
    const reviews = this.reviews.forProduct(productId);
    return {
      productId,
      averageRating: averageRating(reviews),
      count: reviews.length,
      topReviews: mostHelpful(reviews, TOP_REVIEWS),
    };
  }
}
