import { isOrderId, isProductId } from './id-formats';

describe('id formats', () => {
  it.each(['1', '7', '1000', '2147483647'])('accepts product id %s', (id) => {
    expect(isProductId(id)).toBe(true);
  });

  it.each(['', '0', '-1', '01', '1.5', 'abc', ' 1', '2147483648', '99999999999'])(
    'rejects product id %j',
    (id) => {
      expect(isProductId(id)).toBe(false);
    },
  );

  it.each(['1', '9223372036854775807'])('accepts order id %s', (id) => {
    expect(isOrderId(id)).toBe(true);
  });

  it.each(['0', '9223372036854775808', '12345678901234567890', 'x1', '-5'])(
    'rejects order id %j',
    (id) => {
      expect(isOrderId(id)).toBe(false);
    },
  );
});
