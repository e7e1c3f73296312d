import { seededReviews } from './review.seed';
import { SeededReviewRepository } from './seeded-review.repository';

const repository = new SeededReviewRepository();

describe('SeededReviewRepository', () => {
  it('serves the seeded reviews of products "1" to "1000"', () => {
    expect(repository.forProduct('1')).toEqual(seededReviews(1));
    expect(repository.forProduct('1000')).toEqual(seededReviews(1000));
  });

  it.each(['1001', '2147483647', '0', '01', 'abc'])('has no reviews for product %p', (id) => {
    expect(repository.forProduct(id)).toEqual([]);
  });

  it('can seed fewer products', () => {
    expect(new SeededReviewRepository(5).forProduct('6')).toEqual([]);
  });
});
