import { parseRequest, Status, StatusError } from '@junction/grpc-server';
import { getSummaryRequest } from './reviews.requests';

/** The INVALID_ARGUMENT a request gets, or undefined when it is accepted. */
const rejectionOf = (request: unknown) => {
  try {
    parseRequest(getSummaryRequest, request);
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  return undefined;
};

describe('reviews requests', () => {
  it.each(['1', '1000', '1001', '2147483647'])('accepts product id %p', (productId) => {
    expect(rejectionOf({ productId })).toBeUndefined();
  });

  it.each(['', '0', '01', '-1', '+1', '1.5', ' 1', 'abc', '2147483648', '99999999999'])(
    'rejects product id %p with INVALID_ARGUMENT',
    (productId) => {
      const error = rejectionOf({ productId });
      expect(error?.code).toBe(Status.INVALID_ARGUMENT);
      expect(error?.reason).toBe('INVALID_REQUEST');
      expect(error?.message).toBe('productId: must be a decimal integer from 1 to 2147483647');
    },
  );
});
