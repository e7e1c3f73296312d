import { parseRequest, Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { getStockRequest, releaseRequest, reserveRequest } from './inventory.requests';

/** Parsing `request`, to run: accepted when it does not throw. */
const parsing = (schema: Parameters<typeof parseRequest>[0], request: unknown) => () =>
  parseRequest(schema, request);

const item = (productId: string, quantity = 1) => ({ productId, quantity });
const reserve = (items: unknown[], orderId = 'o-1') => ({ orderId, items });

describe('inventory requests', () => {
  describe('GetStock', () => {
    it('accepts 1 to 100 valid ids', () => {
      expect(parsing(getStockRequest, { productIds: ['1'] })).not.toThrow();
      const hundred = Array.from({ length: 100 }, (_, i) => String(i + 1));
      expect(parsing(getStockRequest, { productIds: hundred })).not.toThrow();
    });

    it('rejects no ids with INVALID_ARGUMENT', async () => {
      const error = await statusErrorOf(parsing(getStockRequest, { productIds: [] }));
      expect(error.code).toBe(Status.INVALID_ARGUMENT);
      expect(error.reason).toBe('INVALID_REQUEST');
      expect(error.message).toBe('productIds: must name at least one id');
    });

    it('rejects 101 ids with INVALID_ARGUMENT', async () => {
      const ids = Array.from({ length: 101 }, (_, i) => String(i + 1));
      expect((await statusErrorOf(parsing(getStockRequest, { productIds: ids }))).message).toBe(
        'productIds: must name at most 100 ids',
      );
    });

    it.each(['', '0', '01', '-1', '1.5', 'abc', '2147483648', '99999999999'])(
      'rejects product id %p with INVALID_ARGUMENT naming its position',
      async (id) => {
        const error = await statusErrorOf(parsing(getStockRequest, { productIds: ['1', id] }));
        expect(error.code).toBe(Status.INVALID_ARGUMENT);
        expect(error.message).toBe('productIds[1]: must be a decimal integer from 1 to 2147483647');
      },
    );

    it('accepts the largest product id, 2147483647', () => {
      expect(parsing(getStockRequest, { productIds: ['2147483647'] })).not.toThrow();
    });
  });

  describe('Reserve', () => {
    it('accepts 1 to 50 distinct items with quantities 1 to 1000', () => {
      const fifty = Array.from({ length: 50 }, (_, i) => item(String(i + 1), (i % 2) * 999 + 1));
      expect(parsing(reserveRequest, reserve(fifty))).not.toThrow();
    });

    it.each([0, -1, 1001, 1.5])('rejects quantity %p with INVALID_ARGUMENT', async (quantity) => {
      const error = await statusErrorOf(
        parsing(reserveRequest, reserve([item('1'), item('2', quantity)])),
      );
      expect(error.code).toBe(Status.INVALID_ARGUMENT);
      expect(error.reason).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(/^items\[1\]\.quantity: must be/);
    });

    it('rejects a product listed twice with INVALID_ARGUMENT naming it', async () => {
      const error = await statusErrorOf(
        parsing(reserveRequest, reserve([item('7'), item('8'), item('7', 2)])),
      );
      expect(error.code).toBe(Status.INVALID_ARGUMENT);
      expect(error.message).toBe('items[2].productId: product 7 is listed more than once');
    });

    it('rejects no items with INVALID_ARGUMENT', async () => {
      expect((await statusErrorOf(parsing(reserveRequest, reserve([])))).message).toBe(
        'items: must hold at least one item',
      );
    });

    it('rejects 51 items with INVALID_ARGUMENT', async () => {
      const many = Array.from({ length: 51 }, (_, i) => item(String(i + 1)));
      expect((await statusErrorOf(parsing(reserveRequest, reserve(many)))).message).toBe(
        'items: must hold at most 50 items',
      );
    });

    it('rejects an invalid product id in an item with INVALID_ARGUMENT', async () => {
      expect((await statusErrorOf(parsing(reserveRequest, reserve([item('0')])))).message).toBe(
        'items[0].productId: must be a decimal integer from 1 to 2147483647',
      );
    });

    it('rejects an empty order id with INVALID_ARGUMENT', async () => {
      const error = await statusErrorOf(parsing(reserveRequest, reserve([item('1')], '')));
      expect(error.code).toBe(Status.INVALID_ARGUMENT);
      expect(error.message).toBe('orderId: must not be empty');
    });

    it('accepts a 64-character order id and rejects a 65-character one', async () => {
      expect(parsing(reserveRequest, reserve([item('1')], 'x'.repeat(64)))).not.toThrow();
      const error = await statusErrorOf(
        parsing(reserveRequest, reserve([item('1')], 'x'.repeat(65))),
      );
      expect(error.message).toBe('orderId: must be at most 64 characters');
    });
  });

  describe('Release', () => {
    it('accepts an order id', () => {
      expect(parsing(releaseRequest, { orderId: 'o-1' })).not.toThrow();
    });

    it('rejects an empty order id with INVALID_ARGUMENT', async () => {
      const error = await statusErrorOf(parsing(releaseRequest, { orderId: '' }));
      expect(error.code).toBe(Status.INVALID_ARGUMENT);
      expect(error.message).toBe('orderId: must not be empty');
    });
  });
});
