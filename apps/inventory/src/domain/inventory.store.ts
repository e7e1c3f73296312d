import type { inventoryV1 } from '@junction/contracts';

/** A product's stock as stored; `available` is derived from it, never stored. */
export interface StockRecord {
  readonly productId: string;
  readonly onHand: number;
  readonly reserved: number;
}

/** What one order holds, as first reserved. */
export interface Reservation {
  readonly orderId: string;
  readonly items: readonly inventoryV1.ReservationItem[];
  /** Released reservations are kept, so their order id can never reserve again. */
  readonly released: boolean;
}

/**
 * One all-or-nothing unit of work. What it locks stays locked until it
 * ends, so concurrent reservations (in this instance or another) of the
 * same products or order id wait for each other instead of both reading
 * the same stock.
 */
export interface InventoryTransaction {
  /**
   * The order's reservation, locked; undefined when the order id is new, in
   * which case it is now held for this transaction (a concurrent one with
   * the same id waits for it, then sees what it saved).
   */
  lockReservation(orderId: string): Promise<Reservation | undefined>;
  /** The known products among `productIds`, locked, by id. */
  lockStock(productIds: readonly string[]): Promise<ReadonlyMap<string, StockRecord>>;
  /** Adds `delta` to a known product's reserved count (negative gives stock back). */
  addReserved(productId: string, delta: number): Promise<void>;
  /** Stores the order's reservation (the one lockReservation held). */
  saveReservation(reservation: Reservation): Promise<void>;
}

/** Where stock and reservations live; the use cases declare what they need. */
export abstract class InventoryStore {
  /** The known products among `productIds`, unlocked (a read), by id. */
  abstract stockOf(productIds: readonly string[]): Promise<ReadonlyMap<string, StockRecord>>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  abstract transaction<T>(work: (tx: InventoryTransaction) => Promise<T>): Promise<T>;
}
