import { ReviewRepository, type StoredReview } from '../domain/review.repository';
import { SEEDED_PRODUCTS, seededReviews } from './review.seed';

/**
 * Reviews rebuilt from the seed on every call rather than held: at most 40
 * small objects per call, and memory stays flat however many products exist.
 */
export class SeededReviewRepository extends ReviewRepository {
  constructor(private readonly products = SEEDED_PRODUCTS) {
    super();
  }

  forProduct(productId: string): readonly StoredReview[] {
    const n = Number(productId);
    // Reviews do not know the catalog: any id outside the seed just has none.
    const seeded = Number.isInteger(n) && n >= 1 && n <= this.products && String(n) === productId;
    return seeded ? seededReviews(n) : [];
  }
}
