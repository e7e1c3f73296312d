import type { ordersV1 } from '@junction/contracts';

/** What a caller asks for: a product once, with a quantity. */
export type OrderLine = Pick<ordersV1.CreateOrderItem, 'productId' | 'quantity'>;

/**
 * A canonical form of a set of lines, equal for the same products and
 * quantities in any order: idempotent replays compare these, so a client
 * that reorders its items on retry still gets its first order back.
 */
export const linesFingerprint = (lines: readonly OrderLine[]): string =>
  lines
    .map((line) => `${line.productId}x${line.quantity}`)
    .sort()
    .join(',');
