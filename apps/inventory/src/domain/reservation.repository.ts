import type { inventoryV1 } from '@junction/contracts';

/** What one order holds, as first reserved. */
export interface Reservation {
  readonly orderId: string;
  readonly items: readonly inventoryV1.ReservationItem[];
  /** Released reservations are kept, so their order id can never reserve again. */
  readonly released: boolean;
}

/** Where reservations live, by order id; the use cases declare what they need. */
export abstract class ReservationRepository {
  abstract byOrderId(orderId: string): Reservation | undefined;
  /** Stores the reservation, replacing any earlier one for its order id. */
  abstract save(reservation: Reservation): void;
}
