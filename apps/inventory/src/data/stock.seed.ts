import type { StockRecord } from '../domain/inventory.store';

/** Stock is seeded for the catalog's products: "1" to "1000". */
export const SEEDED_PRODUCTS = 1000;

/**
 * On-hand stock of product `n`, derived from `n` alone, so every instance and
 * every run start from the same stock:
 * - every 13th product (13, 26, 39, ...) is out of stock: 0;
 * - products 10, 23, 36, ... (n % 13 === 10) run low: 1 + n % 7, so 1 to 7;
 * - every other product has 100 + (n * 7919) % 901, so 100 to 1000.
 *   Product 1 has 811.
 * Why 13 and not 10: the end-to-end suite (apps/shop-e2e) reserves products
 * 1 to 12, 20 and 40 and expects success, so they must stay well stocked; no
 * multiple of 13 and no low-stock id falls among them.
 */
export function seededOnHand(n: number): number {
  if (n % 13 === 0) return 0;
  if (n % 13 === 10) return 1 + (n % 7);
  return 100 + ((n * 7919) % 901);
}

/** Product `n`'s stock with nothing reserved yet. */
export const seededStock = (n: number): StockRecord => ({
  productId: String(n),
  onHand: seededOnHand(n),
  reserved: 0,
});

export function seedStock(count = SEEDED_PRODUCTS): StockRecord[] {
  return Array.from({ length: count }, (_, i) => seededStock(i + 1));
}
