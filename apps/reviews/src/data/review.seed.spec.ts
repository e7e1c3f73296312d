import { MAX_REVIEWS, seededReview, seededReviewCount, seededReviews } from './review.seed';

const products = Array.from({ length: 1000 }, (_, i) => i + 1);

describe('review seed', () => {
  it('is deterministic: review k of product n is the same on every call', () => {
    expect(seededReview(42, 3)).toEqual(seededReview(42, 3));
    expect(seededReviews(42)).toEqual(seededReviews(42));
  });

  it('gives every 11th product no reviews', () => {
    expect(products.filter((n) => n % 11 === 0).every((n) => seededReviewCount(n) === 0)).toBe(
      true,
    );
  });

  it('gives product 7, which the end-to-end suite shows, more than three reviews', () => {
    expect(seededReviewCount(7)).toBeGreaterThan(3);
  });

  it('gives the other products 1 to 40 reviews, in varying numbers', () => {
    const counts = products.filter((n) => n % 11 !== 0).map(seededReviewCount);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(MAX_REVIEWS);
    expect(new Set(counts).size).toBe(MAX_REVIEWS);
  });

  it('rates 1 to 5 stars, with averages that differ between products', () => {
    const ratings = seededReviews(1).concat(seededReviews(2), seededReviews(3));
    expect(ratings.every((r) => Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5)).toBe(
      true,
    );
    const averages = new Set(
      products.slice(0, 50).map((n) => {
        const reviews = seededReviews(n);
        return reviews.reduce((sum, r) => sum + r.rating, 0) / (reviews.length || 1);
      }),
    );
    expect(averages.size).toBeGreaterThan(10);
  });

  it('gives each review of a product a distinct id that sorts in review order', () => {
    const ids = seededReviews(1).map((r) => r.id);
    expect(seededReviews(1)).toHaveLength(seededReviewCount(1));
    expect(ids[0]).toBe('1-01');
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives helpful votes from 0 to 49, with ties', () => {
    const votes = seededReviews(1).map((r) => r.helpfulVotes);
    expect(votes.every((v) => Number.isInteger(v) && v >= 0 && v < 50)).toBe(true);
    expect(new Set(votes).size).toBeLessThan(votes.length);
  });

  it('fills author, title and body', () => {
    expect(seededReview(5, 1)).toMatchObject({
      author: expect.any(String),
      title: expect.any(String),
      body: expect.stringMatching(/Used it for \d+ weeks?\.$/),
    });
  });
});
