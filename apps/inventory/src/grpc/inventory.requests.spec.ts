import { parseRequest, Status, StatusError } from '@junction/grpc-server';
import { getStockRequest, releaseRequest, reserveRequest } from './inventory.requests';

/** The INVALID_ARGUMENT a request gets, or undefined when it is accepted. */
const rejectionOf = (schema: Parameters<typeof parseRequest>[0], request: unknown) => {
  try {
    parseRequest(schema, request);
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  return undefined;
};

const item = (productId: string, quantity = 1) => ({ productId, quantity });
const reserve = (items: unknown[], orderId = 'o-1') => ({ orderId, items });

describe('inventory requests', () => {
  describe('GetStock', () => {
    it('accepts 1 to 100 valid ids', () => {
      expect(rejectionOf(getStockRequest, { productIds: ['1'] })).toBeUndefined();
      const hundred = Array.from({ length: 100 }, (_, i) => String(i + 1));
      expect(rejectionOf(getStockRequest, { productIds: hundred })).toBeUndefined();
    });

    it('rejects no ids with INVALID_ARGUMENT', () => {
      const error = rejectionOf(getStockRequest, { productIds: [] });
      expect(error?.code).toBe(Status.INVALID_ARGUMENT);
      expect(error?.reason).toBe('INVALID_REQUEST');
      expect(error?.message).toBe('productIds: must name at least one id');
    });

    it('rejects 101 ids with INVALID_ARGUMENT', () => {
      const ids = Array.from({ length: 101 }, (_, i) => String(i + 1));
      expect(rejectionOf(getStockRequest, { productIds: ids })?.message).toBe(
        'productIds: must name at most 100 ids',
      );
    });

    it.each(['', '0', '01', '-1', '1.5', 'abc', '2147483648', '99999999999'])(
      'rejects product id %p with INVALID_ARGUMENT naming its position',
      (id) => {
        const error = rejectionOf(getStockRequest, { productIds: ['1', id] });
        expect(error?.code).toBe(Status.INVALID_ARGUMENT);
        expect(error?.message).toBe(
          'productIds[1]: must be a decimal integer from 1 to 2147483647',
        );
      },
    );

    it('accepts the largest product id, 2147483647', () => {
      expect(rejectionOf(getStockRequest, { productIds: ['2147483647'] })).toBeUndefined();
    });
  });

  describe('Reserve', () => {
    it('accepts 1 to 50 distinct items with quantities 1 to 1000', () => {
      const fifty = Array.from({ length: 50 }, (_, i) => item(String(i + 1), (i % 2) * 999 + 1));
      expect(rejectionOf(reserveRequest, reserve(fifty))).toBeUndefined();
    });

    it.each([0, -1, 1001, 1.5])('rejects quantity %p with INVALID_ARGUMENT', (quantity) => {
      const error = rejectionOf(reserveRequest, reserve([item('1'), item('2', quantity)]));
      expect(error?.code).toBe(Status.INVALID_ARGUMENT);
      expect(error?.reason).toBe('INVALID_REQUEST');
      expect(error?.message).toMatch(/^items\[1\]\.quantity: must be/);
    });

    it('rejects a product listed twice with INVALID_ARGUMENT naming it', () => {
      const error = rejectionOf(reserveRequest, reserve([item('7'), item('8'), item('7', 2)]));
      expect(error?.code).toBe(Status.INVALID_ARGUMENT);
      expect(error?.message).toBe('items[2].productId: product 7 is listed more than once');
    });

    it('rejects no items with INVALID_ARGUMENT', () => {
      expect(rejectionOf(reserveRequest, reserve([]))?.message).toBe(
        'items: must hold at least one item',
      );
    });

    it('rejects 51 items with INVALID_ARGUMENT', () => {
      const many = Array.from({ length: 51 }, (_, i) => item(String(i + 1)));
      expect(rejectionOf(reserveRequest, reserve(many))?.message).toBe(
        'items: must hold at most 50 items',
      );
    });

    it('rejects an invalid product id in an item with INVALID_ARGUMENT', () => {
      expect(rejectionOf(reserveRequest, reserve([item('0')]))?.message).toBe(
        'items[0].productId: must be a decimal integer from 1 to 2147483647',
      );
    });

    it('rejects an empty order id with INVALID_ARGUMENT', () => {
      const error = rejectionOf(reserveRequest, reserve([item('1')], ''));
      expect(error?.code).toBe(Status.INVALID_ARGUMENT);
      expect(error?.message).toBe('orderId: must not be empty');
    });

    it('accepts a 64-character order id and rejects a 65-character one', () => {
      expect(rejectionOf(reserveRequest, reserve([item('1')], 'x'.repeat(64)))).toBeUndefined();
      expect(rejectionOf(reserveRequest, reserve([item('1')], 'x'.repeat(65)))?.message).toBe(
        'orderId: must be at most 64 characters',
      );
    });
  });

  describe('Release', () => {
    it('accepts an order id', () => {
      expect(rejectionOf(releaseRequest, { orderId: 'o-1' })).toBeUndefined();
    });

    it('rejects an empty order id with INVALID_ARGUMENT', () => {
      const error = rejectionOf(releaseRequest, { orderId: '' });
      expect(error?.code).toBe(Status.INVALID_ARGUMENT);
      expect(error?.message).toBe('orderId: must not be empty');
    });
  });
});
