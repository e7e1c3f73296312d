import type { OrderLine } from './order-lines';

/**
 * Where orders hold stock (inventory). Adapters throw StatusError:
 * FAILED_PRECONDITION for short stock, NOT_FOUND for a product inventory does
 * not stock, UNAVAILABLE otherwise. A reserve that fails holds nothing: an
 * adapter that cannot tell whether it went through releases it itself.
 */
export abstract class StockReservations {
  /** Reserves every line or none, under the order's id. */
  abstract reserve(orderId: string, lines: readonly OrderLine[]): Promise<void>;
  /** Gives back what the order reserved; a no-op when it reserved nothing. */
  abstract release(orderId: string): Promise<void>;
}
