import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@junction/contracts';
import { insufficientStock, orderAlreadyReserved, productsNotFound } from './inventory.errors';
import type { Shortage } from './inventory.errors';
import {
  InventoryStore,
  type InventoryTransaction,
  type Reservation,
  type StockRecord,
} from './inventory.store';
import { copyItems, sameItems, totalsByProduct } from './reservation-items';

const toResponse = (reservation: Reservation): inventoryV1.ReserveResponse => ({
  orderId: reservation.orderId,
  items: copyItems(reservation.items),
});

/**
 * Reserving and releasing stock per order. Each call is one transaction that
 * locks the order id and the products it touches before it reads them, so
 * concurrent calls, on this instance or any other sharing the database,
 * cannot both take the last units: exactly the available count succeeds.
 */
@Injectable()
export class StockReservations {
  constructor(private readonly store: InventoryStore) {}

  /**
   * Reserves every item or none. Repeating the same order and items replays
   * the first response, so a caller may retry after a lost reply.
   */
  reserve(
    orderId: string,
    items: readonly inventoryV1.ReservationItem[],
  ): Promise<inventoryV1.ReserveResponse> {
    return this.store.transaction(async (tx) => {
      const previous = await tx.lockReservation(orderId);
      if (previous) {
        if (!previous.released && sameItems(previous.items, items)) return toResponse(previous);
        throw orderAlreadyReserved(previous);
      }
      const wanted = totalsByProduct(items);
      assertAvailable(wanted, await tx.lockStock([...wanted.keys()]));
      for (const [productId, quantity] of wanted) await tx.addReserved(productId, quantity);
      const reservation: Reservation = { orderId, items: copyItems(items), released: false };
      await tx.saveReservation(reservation);
      return toResponse(reservation);
    });
  }

  /** Gives back what the order holds; false when it holds nothing (any more). */
  release(orderId: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const reservation = await tx.lockReservation(orderId);
      if (reservation?.released) return false;
      // An unknown order is remembered as released too: a Reserve that arrives
      // after its compensating Release (a slow retry) must not hold stock that
      // nobody will ever give back.
      await tx.saveReservation({ orderId, items: reservation?.items ?? [], released: true });
      if (!reservation) return false;
      await giveBack(tx, reservation);
      return true;
    });
  }
}

async function giveBack(tx: InventoryTransaction, reservation: Reservation): Promise<void> {
  const held = totalsByProduct(reservation.items);
  await tx.lockStock([...held.keys()]);
  for (const [productId, quantity] of held) await tx.addReserved(productId, -quantity);
}

/** Unknown products win over shortages: asking for stock of nothing is the bigger mistake. */
function assertAvailable(
  wanted: ReadonlyMap<string, number>,
  stock: ReadonlyMap<string, StockRecord>,
): void {
  const unknown: string[] = [];
  const shortages: Shortage[] = [];
  for (const [productId, requested] of wanted) {
    const record = stock.get(productId);
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
