import type { reviewsV1 } from '@junction/contracts';
import type { StoredReview } from './review.repository';

/**
 * Mean rating rounded to two decimals; 0 with no reviews. Rounding
 * sum * 100 / count (integers) rather than the mean keeps halves exact, so
 * 3.375 becomes 3.38 and not 3.37.
 */
export function averageRating(reviews: readonly StoredReview[]): number {
  if (reviews.length === 0) return 0;
  const sum = reviews.reduce((total, review) => total + review.rating, 0);
  return Math.round((sum * 100) / reviews.length) / 100;
}

/** Most helpful first; ties by id in code-unit order, so the ranking never depends on input order. */
const byHelpfulness = (a: StoredReview, b: StoredReview): number =>
  b.helpfulVotes - a.helpfulVotes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The `limit` most helpful reviews, as clients see them (votes are internal). */
export function mostHelpful(reviews: readonly StoredReview[], limit: number): reviewsV1.Review[] {
  return [...reviews]
    .sort(byHelpfulness)
    .slice(0, limit)
    .map(({ id, author, rating, title, body }) => ({ id, author, rating, title, body }));
}
