import type { ordersV1 } from '@junction/contracts';

/** What confirming an order in storage came to. */
export type Confirmation =
  | { readonly outcome: 'confirmed' | 'already-confirmed'; readonly order: ordersV1.Order }
  /** Its reservation expired (see ReservationExpiry): it cannot be confirmed. */
  | { readonly outcome: 'expired' | 'not-found' };

/**
 * Where orders are kept. Async, so a real store can replace the in-memory
 * one. An order may carry an internal expiry mark (the contract has no
 * EXPIRED status, so it stays PENDING on the wire): set when its
 * reservation timed out, then `released` once inventory took the stock back.
 * The state changes are single operations, so a confirm and an expiry
 * racing on one order cannot both win.
 *
 * Each order has an owner (the principal of whoever placed it). Reads and
 * confirmations given an owner see only that owner's orders: another's
 * order is 'not found', so its id cannot be probed. Without one (the
 * expiry job, an idempotent replay) they see every order.
 */
export abstract class OrderRepository {
  /** Inserts or replaces the order with this id, as `owner`'s ('' if none). */
  abstract save(order: ordersV1.Order, owner?: string): Promise<void>;
  abstract byId(id: string, owner?: string): Promise<ordersV1.Order | undefined>;
  /** PENDING → CONFIRMED unless it expired; a CONFIRMED order is returned unchanged. */
  abstract confirm(id: string, owner?: string): Promise<Confirmation>;
  /**
   * PENDING orders created at or before `cutoffMs` whose reservation has not
   * been released yet (expired or not), oldest first, at most `limit`.
   */
  abstract expiring(cutoffMs: number, limit: number): Promise<ordersV1.Order[]>;
  /** Marks a PENDING order expired; false when it is not PENDING (confirmed) or unknown. */
  abstract markExpired(id: string): Promise<boolean>;
  /** Records that an expired order's stock was given back: expiry leaves it alone from now on. */
  abstract markReleased(id: string): Promise<void>;
}
