import { parseRequest, Status, StatusError } from '@junction/grpc-server';
import { confirmOrderRequest, createOrderRequest, getOrderRequest } from './orders.requests';

const problemsOf = (schema: Parameters<typeof parseRequest>[0], request: unknown): string => {
  try {
    parseRequest(schema, request);
  } catch (error) {
    if (error instanceof StatusError && error.code === Status.INVALID_ARGUMENT)
      return error.message;
    throw error;
  }
  return '';
};

const item = (productId: string, quantity = 1) => ({ productId, quantity });
const create = (overrides: object = {}) => ({
  idempotencyKey: 'order-2026-11-22 #1',
  items: [item('1', 2)],
  ...overrides,
});
const createProblems = (overrides: object) => problemsOf(createOrderRequest, create(overrides));

describe('CreateOrder request', () => {
  it('accepts a valid request', () => {
    expect(createProblems({})).toBe('');
  });

  it.each([
    ['', 'must not be empty or blank'],
    ['   ', 'must not be empty or blank'],
    ['x'.repeat(256), 'must be at most 255 characters'],
    ['tab\there', 'must be printable ASCII (space to ~)'],
    ['clé', 'must be printable ASCII (space to ~)'],
  ])('rejects idempotency key %j: %s', (idempotencyKey, message) => {
    expect(createProblems({ idempotencyKey })).toBe(`idempotencyKey: ${message}`);
  });

  it.each(['k', 'x'.repeat(255), ' ~!padded key~ '])('accepts idempotency key %j', (key) => {
    expect(createProblems({ idempotencyKey: key })).toBe('');
  });

  it('needs 1 to 50 items', () => {
    expect(createProblems({ items: [] })).toBe('items: must have at least one item');
    const many = (n: number) => Array.from({ length: n }, (_, i) => item(String(i + 1)));
    expect(createProblems({ items: many(50) })).toBe('');
    expect(createProblems({ items: many(51) })).toBe('items: must have at most 50 items');
  });

  it.each(['', '0', '01', '-1', '+5', '1.0', 'abc', '2147483648', '99999999999'])(
    'rejects product id %j',
    (productId) => {
      expect(createProblems({ items: [item(productId)] })).toBe(
        'items[0].productId: must be a decimal integer from 1 to 2147483647',
      );
    },
  );

  it('accepts the largest product id', () => {
    expect(createProblems({ items: [item('2147483647')] })).toBe('');
  });

  it.each([
    [0, 'must be 1 to 1000'],
    [-3, 'must be 1 to 1000'],
    [1001, 'must be 1 to 1000'],
    [2.5, 'must be an integer'],
  ])('rejects quantity %s: %s', (quantity, message) => {
    expect(createProblems({ items: [item('1', quantity)] })).toBe(`items[0].quantity: ${message}`);
  });

  it('names a product listed twice, pointing at its first line', () => {
    expect(createProblems({ items: [item('7'), item('8'), item('7', 3)] })).toBe(
      'items[2].productId: product 7 is already in items[0]',
    );
  });

  it('lists every problem at once', () => {
    const items = [item('0', 0), item('1'), item('1')];
    expect(createProblems({ idempotencyKey: '', items })).toBe(
      'idempotencyKey: must not be empty or blank; ' +
        'items[0].productId: must be a decimal integer from 1 to 2147483647; ' +
        'items[0].quantity: must be 1 to 1000; ' +
        'items[2].productId: product 1 is already in items[1]',
    );
  });
});

describe.each([
  ['GetOrder', getOrderRequest],
  ['ConfirmOrder', confirmOrderRequest],
])('%s request', (_, schema) => {
  it.each(['1', '1234567890123456789', '9223372036854775807'])('accepts id %s', (id) => {
    expect(problemsOf(schema, { id })).toBe('');
  });

  it.each(['', '0', '007', '-1', ' 1', 'abc', '9223372036854775808', '12345678901234567890'])(
    'rejects id %j',
    (id) => {
      expect(problemsOf(schema, { id })).toBe(
        'id: must be a decimal integer from 1 to 9223372036854775807',
      );
    },
  );
});
