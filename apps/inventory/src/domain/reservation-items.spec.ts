import { copyItems, sameItems, totalsByProduct } from './reservation-items';

describe('reservation items', () => {
  it('sums quantities per product', () => {
    const totals = totalsByProduct([
      { productId: '1', quantity: 2 },
      { productId: '2', quantity: 1 },
      { productId: '1', quantity: 3 },
    ]);
    expect([...totals]).toEqual([
      ['1', 5],
      ['2', 1],
    ]);
  });

  it('treats the same items in another order as the same', () => {
    expect(
      sameItems(
        [
          { productId: '1', quantity: 2 },
          { productId: '2', quantity: 1 },
        ],
        [
          { productId: '2', quantity: 1 },
          { productId: '1', quantity: 2 },
        ],
      ),
    ).toBe(true);
  });

  it.each([
    ['a different quantity', [{ productId: '1', quantity: 3 }]],
    ['a different product', [{ productId: '2', quantity: 2 }]],
    [
      'an extra product',
      [
        { productId: '1', quantity: 2 },
        { productId: '2', quantity: 1 },
      ],
    ],
  ])('tells items apart by %s', (_, other) => {
    expect(sameItems([{ productId: '1', quantity: 2 }], other)).toBe(false);
  });

  it('copies items so later changes to the original do not leak', () => {
    const original = [{ productId: '1', quantity: 2 }];
    const copy = copyItems(original);
    original[0].quantity = 9;
    expect(copy).toEqual([{ productId: '1', quantity: 2 }]);
  });
});
