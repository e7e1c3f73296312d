import type { reviewsV1 } from '@junction/contracts';

/** A review as stored: what clients see, plus the votes that rank it. */
export interface StoredReview extends reviewsV1.Review {
  readonly helpfulVotes: number;
}

/** Where reviews come from; the use cases declare what they need. */
export abstract class ReviewRepository {
  /** Every review of the product; none for a product nobody reviewed or that does not exist. */
  abstract forProduct(productId: string): readonly StoredReview[];
}
