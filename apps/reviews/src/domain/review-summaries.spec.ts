import { SeededReviewRepository } from '../data/seeded-review.repository';
import { seededReviews } from '../data/review.seed';
import { ReviewSummaries, TOP_REVIEWS } from './review-summaries';
import { ReviewRepository, type StoredReview } from './review.repository';

/** A repository serving fixed reviews for product "1" only. */
class FixedReviews extends ReviewRepository {
  constructor(private readonly reviews: readonly StoredReview[]) {
    super();
  }

  forProduct(productId: string): readonly StoredReview[] {
    return productId === '1' ? this.reviews : [];
  }
}

const review = (id: string, rating: number, helpfulVotes: number): StoredReview => ({
  id,
  author: 'A. Buyer',
  rating,
  title: 'Title',
  body: 'Body',
  helpfulVotes,
});

describe('ReviewSummaries', () => {
  it('summarises count, rounded average and the three most helpful reviews', () => {
    const summaries = new ReviewSummaries(
      new FixedReviews([
        review('1-01', 5, 2),
        review('1-02', 4, 8),
        review('1-03', 4, 8),
        review('1-04', 1, 0),
        review('1-05', 3, 5),
        review('1-06', 2, 1),
      ]),
    );
    const summary = summaries.summarize('1');
    expect(summary).toMatchObject({ productId: '1', averageRating: 3.17, count: 6 });
    expect(summary.topReviews.map((r) => r.id)).toEqual(['1-02', '1-03', '1-05']);
  });

  it('answers count 0, average 0 and no reviews for a product nobody reviewed', () => {
    expect(new ReviewSummaries(new FixedReviews([])).summarize('1')).toEqual({
      productId: '1',
      averageRating: 0,
      count: 0,
      topReviews: [],
    });
  });

  it('returns fewer top reviews when there are fewer than three', () => {
    const summaries = new ReviewSummaries(new FixedReviews([review('1-01', 5, 0)]));
    expect(summaries.summarize('1').topReviews).toHaveLength(1);
  });

  describe('over the seed', () => {
    const summaries = new ReviewSummaries(new SeededReviewRepository());

    it('answers a seeded product with its seeded count and three top reviews', () => {
      const summary = summaries.summarize('1');
      expect(summary.count).toBe(seededReviews(1).length);
      expect(summary.topReviews).toHaveLength(TOP_REVIEWS);
      expect(summary.averageRating).toBeGreaterThanOrEqual(1);
      expect(summary.averageRating).toBeLessThanOrEqual(5);
    });

    it('answers the same summary every time', () => {
      expect(summaries.summarize('123')).toEqual(summaries.summarize('123'));
    });

    it('answers a seeded product without reviews with count 0', () => {
      expect(summaries.summarize('11')).toMatchObject({
        count: 0,
        averageRating: 0,
        topReviews: [],
      });
    });

    it('answers a product id above 1000 with count 0 rather than NOT_FOUND', () => {
      expect(summaries.summarize('1001')).toEqual({
        productId: '1001',
        averageRating: 0,
        count: 0,
        topReviews: [],
      });
    });
  });
});
