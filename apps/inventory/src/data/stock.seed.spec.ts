import { seededOnHand, seededStock, seedStock } from './stock.seed';

describe('stock seed', () => {
  const stock = seedStock();

  it('is deterministic: product n has the same stock on every call', () => {
    expect(seededStock(42)).toEqual(seededStock(42));
  });

  it('seeds the catalog ids "1" to "1000" with nothing reserved', () => {
    expect(stock).toHaveLength(1000);
    expect(stock[0].productId).toBe('1');
    expect(stock[999].productId).toBe('1000');
    expect(stock.every((s) => s.reserved === 0)).toBe(true);
  });

  it('gives product 1 at least 500 units, since tests order it', () => {
    expect(seededOnHand(1)).toBeGreaterThanOrEqual(500);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 20, 30, 31, 40])(
    'keeps product %i, which end-to-end tests use, at 100 units or more',
    (n) => {
      expect(seededOnHand(n)).toBeGreaterThanOrEqual(100);
    },
  );

  it('has every 13th product out of stock', () => {
    const thirteenths = stock.filter((_, i) => (i + 1) % 13 === 0);
    expect(thirteenths).toHaveLength(76);
    expect(thirteenths.every((s) => s.onHand === 0)).toBe(true);
  });

  it('has products 10, 23, 36, ... run low, with 1 to 7 units', () => {
    const low = stock.filter((_, i) => (i + 1) % 13 === 10).map((s) => s.onHand);
    expect(low.length).toBeGreaterThan(70);
    expect(Math.min(...low)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...low)).toBeLessThanOrEqual(7);
  });

  it('varies the rest between 100 and 1000 units', () => {
    const rest = stock.filter((_, i) => ![0, 10].includes((i + 1) % 13)).map((s) => s.onHand);
    expect(Math.min(...rest)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...rest)).toBeLessThanOrEqual(1000);
    expect(new Set(rest).size).toBeGreaterThan(100);
  });
});
