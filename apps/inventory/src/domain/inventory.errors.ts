import { alreadyExists, failedPrecondition, notFound } from '@junction/grpc-server';
import type { Reservation } from './inventory.store';

/** A product asked for more than it has available. */
export interface Shortage {
  readonly productId: string;
  readonly requested: number;
  readonly available: number;
}

/** NOT_FOUND naming every unknown product, each once. */
export function productsNotFound(productIds: readonly string[]) {
  const unique = [...new Set(productIds)];
  const noun = unique.length === 1 ? 'product' : 'products';
  return notFound(`${noun} ${unique.join(', ')} not found`, 'PRODUCT_NOT_FOUND');
}

/** FAILED_PRECONDITION naming each short product with what was asked and what is left. */
export function insufficientStock(shortages: readonly Shortage[]) {
  const details = shortages.map(
    (s) => `product ${s.productId}: requested ${s.requested}, available ${s.available}`,
  );
  return failedPrecondition(`insufficient stock: ${details.join('; ')}`, 'INSUFFICIENT_STOCK');
}

/**
 * ALREADY_EXISTS for an order id that already reserved other items, or whose
 * reservation was released: order ids are never reused.
 */
export function orderAlreadyReserved(previous: Reservation) {
  const why = previous.released
    ? 'already reserved and released stock; order ids are not reused'
    : 'already reserved different items';
  return alreadyExists(`order ${previous.orderId} ${why}`, 'ORDER_ALREADY_RESERVED');
}
