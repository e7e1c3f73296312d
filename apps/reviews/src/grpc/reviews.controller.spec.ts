import { Status } from '@junction/grpc-server';
import { SeededReviewRepository } from '../data/seeded-review.repository';
import { ReviewSummaries } from '../domain/review-summaries';
import { ReviewsController } from './reviews.controller';

const controller = new ReviewsController(new ReviewSummaries(new SeededReviewRepository()));

describe('ReviewsController', () => {
  it('answers GetSummary for a seeded product', () => {
    expect(controller.getSummary({ productId: '1' })).toMatchObject({
      productId: '1',
      count: expect.any(Number),
    });
  });

  it('rejects an invalid product id with INVALID_ARGUMENT before reaching the use case', () => {
    expect(() => controller.getSummary({ productId: '0' })).toThrow(
      expect.objectContaining({ code: Status.INVALID_ARGUMENT, reason: 'INVALID_REQUEST' }),
    );
  });
});
