import { ReservationRepository, type Reservation } from '../domain/reservation.repository';

/**
 * Reservations held in memory, by order id. Entries are never dropped: an
 * order id must stay known to be refused later. Fine for a demo service; a
 * real store would persist them.
 */
export class InMemoryReservationRepository extends ReservationRepository {
  private readonly byOrder = new Map<string, Reservation>();

  byOrderId(orderId: string): Reservation | undefined {
    return this.byOrder.get(orderId);
  }

  save(reservation: Reservation): void {
    this.byOrder.set(reservation.orderId, reservation);
  }
}
