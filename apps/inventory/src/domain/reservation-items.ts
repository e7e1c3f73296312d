import type { inventoryV1 } from '@junction/contracts';

type Items = readonly inventoryV1.ReservationItem[];

/**
 * Quantity per product. Requests arrive with each product at most once, but
 * summing keeps the stock check sound even if a caller bypassed validation.
 */
export function totalsByProduct(items: Items): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { productId, quantity } of items) {
    totals.set(productId, (totals.get(productId) ?? 0) + quantity);
  }
  return totals;
}

/**
 * Whether two item lists ask for the same quantities of the same products.
 * Order does not matter: a retry that lists the items differently is still
 * the same reservation.
 */
export function sameItems(a: Items, b: Items): boolean {
  const left = totalsByProduct(a);
  const right = totalsByProduct(b);
  if (left.size !== right.size) return false;
  for (const [productId, quantity] of left) {
    if (right.get(productId) !== quantity) return false;
  }
  return true;
}

/** Fresh item objects, so stored reservations share nothing with requests or responses. */
export const copyItems = (items: Items): inventoryV1.ReservationItem[] =>
  items.map(({ productId, quantity }) => ({ productId, quantity }));
