import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@junction/contracts';
import { insufficientStock, orderAlreadyReserved, productsNotFound } from './inventory.errors';
import type { Shortage } from './inventory.errors';
import { copyItems, sameItems, totalsByProduct } from './reservation-items';
import { ReservationRepository, type Reservation } from './reservation.repository';
import { StockRepository } from './stock.repository';

const toResponse = (reservation: Reservation): inventoryV1.ReserveResponse => ({
  orderId: reservation.orderId,
  items: copyItems(reservation.items),
});

/**
 * Reserving and releasing stock per order. Every method is synchronous on
 * purpose: with no await between checking stock and updating it, concurrent
 * calls cannot interleave in the event loop and over-reserve. A persistent
 * store would need one transaction around the same steps.
 */
@Injectable()
export class StockReservations {
  constructor(
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  /**
   * Reserves every item or none. Repeating the same order and items replays
   * the first response, so a caller may retry after a lost reply.
   */
  reserve(
    orderId: string,
    items: readonly inventoryV1.ReservationItem[],
  ): inventoryV1.ReserveResponse {
    const previous = this.reservations.byOrderId(orderId);
    if (previous) {
      if (!previous.released && sameItems(previous.items, items)) return toResponse(previous);
      throw orderAlreadyReserved(previous);
    }
    const wanted = totalsByProduct(items);
    this.assertAvailable(wanted);
    for (const [productId, quantity] of wanted) this.stock.addReserved(productId, quantity);
    const reservation: Reservation = { orderId, items: copyItems(items), released: false };
    this.reservations.save(reservation);
    return toResponse(reservation);
  }

  /** Gives back what the order holds; false when it holds nothing (any more). */
  release(orderId: string): boolean {
    const reservation = this.reservations.byOrderId(orderId);
    if (reservation?.released) return false;
    // An unknown order is remembered as released too: a Reserve that arrives
    // after its compensating Release (a slow retry) must not hold stock that
    // nobody will ever give back.
    this.reservations.save({ orderId, items: reservation?.items ?? [], released: true });
    if (!reservation) return false;
    for (const { productId, quantity } of reservation.items) {
      this.stock.addReserved(productId, -quantity);
    }
    return true;
  }

  /** Unknown products win over shortages: asking for stock of nothing is the bigger mistake. */
  private assertAvailable(wanted: ReadonlyMap<string, number>): void {
    const unknown: string[] = [];
    const shortages: Shortage[] = [];
    for (const [productId, requested] of wanted) {
      const record = this.stock.byId(productId);
      if (!record) {
        unknown.push(productId);
        continue;
      }
      const available = record.onHand - record.reserved;
      if (requested > available) shortages.push({ productId, requested, available });
    }
    if (unknown.length > 0) throw productsNotFound(unknown);
    if (shortages.length > 0) throw insufficientStock(shortages);
  }
}
