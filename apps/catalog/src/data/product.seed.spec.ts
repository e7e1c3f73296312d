import { seededProduct, seedProducts } from './product.seed';

describe('product seed', () => {
  it('is deterministic: product n is the same on every call', () => {
    expect(seededProduct(42)).toEqual(seededProduct(42));
  });

  it('seeds ids "1" to "1000" with positive prices', () => {
    const products = seedProducts();
    expect(products).toHaveLength(1000);
    expect(products[0].id).toBe('1');
    expect(products[999].id).toBe('1000');
    expect(products.every((p) => p.priceCents > 0)).toBe(true);
  });
});
