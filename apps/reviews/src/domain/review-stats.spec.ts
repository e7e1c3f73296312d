import { averageRating, mostHelpful } from './review-stats';
import type { StoredReview } from './review.repository';

const review = (id: string, rating: number, helpfulVotes = 0): StoredReview => ({
  id,
  author: `author of ${id}`,
  rating,
  title: `title of ${id}`,
  body: `body of ${id}`,
  helpfulVotes,
});

const rated = (...stars: number[]) => stars.map((s, i) => review(`r${i}`, s));

describe('averageRating', () => {
  it('is 0 with no reviews', () => {
    expect(averageRating([])).toBe(0);
  });

  it('is the mean rating', () => {
    expect(averageRating(rated(5, 4))).toBe(4.5);
  });

  it('rounds to two decimals', () => {
    expect(averageRating(rated(5, 4, 4))).toBe(4.33);
    expect(averageRating(rated(5, 5, 4))).toBe(4.67);
  });

  it('rounds an exact half up, even where the mean is not exact in binary', () => {
    // 41 / 40 = 1.025, stored as 1.02499…: rounding the mean would give 1.02.
    expect(averageRating(rated(...Array<number>(39).fill(1), 2))).toBe(1.03);
  });
});

describe('mostHelpful', () => {
  it('ranks by helpful votes, most first', () => {
    const reviews = [review('a', 5, 1), review('b', 4, 9), review('c', 3, 5), review('d', 2, 7)];
    expect(mostHelpful(reviews, 3).map((r) => r.id)).toEqual(['b', 'd', 'c']);
  });

  it('breaks ties by id, whatever the input order', () => {
    const reviews = [review('7-03', 5, 4), review('7-01', 4, 4), review('7-02', 3, 4)];
    expect(mostHelpful(reviews, 3).map((r) => r.id)).toEqual(['7-01', '7-02', '7-03']);
    expect(mostHelpful([...reviews].reverse(), 3).map((r) => r.id)).toEqual([
      '7-01',
      '7-02',
      '7-03',
    ]);
  });

  it('returns fewer when there are fewer reviews', () => {
    expect(mostHelpful([review('a', 5, 1)], 3)).toHaveLength(1);
    expect(mostHelpful([], 3)).toEqual([]);
  });

  it('returns reviews as clients see them, without the votes', () => {
    expect(mostHelpful([review('a', 5, 3)], 3)).toEqual([
      { id: 'a', author: 'author of a', rating: 5, title: 'title of a', body: 'body of a' },
    ]);
  });

  it('leaves the stored reviews in their order', () => {
    const reviews = [review('a', 5, 1), review('b', 4, 9)];
    mostHelpful(reviews, 3);
    expect(reviews.map((r) => r.id)).toEqual(['a', 'b']);
  });
});
