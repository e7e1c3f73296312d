import type { StoredReview } from '../domain/review.repository';
import { AUTHORS, OPENINGS, TITLES } from './review-text';
import { seedHash } from './seed-hash';

/** Reviews are seeded for the catalog's products: "1" to "1000". */
export const SEEDED_PRODUCTS = 1000;
/** The most reviews any product has; ids pad review numbers to its width. */
export const MAX_REVIEWS = 40;

// Distinct salts keep the hash streams for each property independent.
const LEANING = 1;
const RATING = 2;
const HELPFUL = 3;
const TEXT = 4;

/**
 * How many reviews product `n` has: every 11th product (11, 22, ...) has
 * none; the others have 1 + (n * 37) % 40, so 1 to 40. Product 1 has 38 and
 * product 7, the one the end-to-end suite shows, has 20.
 */
export function seededReviewCount(n: number): number {
  return n % 11 === 0 ? 0 : 1 + ((n * 37) % MAX_REVIEWS);
}

/**
 * Review `k` (1-based) of product `n`, from `n` and `k` alone:
 * - rating: the product's leaning, 2 to 5 stars, moved by -1, 0 or +1 per
 *   review and kept within 1 to 5, so averages differ between products;
 * - helpfulVotes: 0 to 49, which ranks the top reviews (ties are common);
 * - id: `<n>-<k>` with k padded to two digits ("7-03"), so ids sort in
 *   review order;
 * - author, title and body drawn from word lists.
 */
export function seededReview(n: number, k: number): StoredReview {
  const leaning = 2 + (seedHash(n, LEANING) % 4);
  const rating = Math.min(5, Math.max(1, leaning + (seedHash(n, k, RATING) % 3) - 1));
  // Separate bytes of one hash, so author, title and weeks vary independently.
  const text = seedHash(n, k, TEXT);
  const titles = TITLES[rating - 1];
  const weeks = 1 + ((text >>> 16) % 12);
  return {
    id: `${n}-${String(k).padStart(2, '0')}`,
    author: AUTHORS[(text & 0xff) % AUTHORS.length],
    rating,
    title: titles[((text >>> 8) & 0xff) % titles.length],
    body: `${OPENINGS[rating - 1]} Used it for ${weeks} week${weeks === 1 ? '' : 's'}.`,
    helpfulVotes: seedHash(n, k, HELPFUL) % 50,
  };
}

/** All of product `n`'s reviews, in review order. */
export function seededReviews(n: number): StoredReview[] {
  return Array.from({ length: seededReviewCount(n) }, (_, i) => seededReview(n, i + 1));
}
