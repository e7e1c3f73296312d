import { parseRequest, Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { getSummaryRequest } from './reviews.requests';

/** Parsing `request`, to run: accepted when it does not throw. */
const parsing = (request: unknown) => () => parseRequest(getSummaryRequest, request);

describe('reviews requests', () => {
  it.each(['1', '1000', '1001', '2147483647'])('accepts product id %p', (productId) => {
    expect(parsing({ productId })).not.toThrow();
  });

  it.each(['', '0', '01', '-1', '+1', '1.5', ' 1', 'abc', '2147483648', '99999999999'])(
    'rejects product id %p with INVALID_ARGUMENT',
    async (productId) => {
      const error = await statusErrorOf(parsing({ productId }));
      expect(error.code).toBe(Status.INVALID_ARGUMENT);
      expect(error.reason).toBe('INVALID_REQUEST');
      expect(error.message).toBe('productId: must be a decimal integer from 1 to 2147483647');
    },
  );
});
