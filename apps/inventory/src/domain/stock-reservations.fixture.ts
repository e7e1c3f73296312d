// Shared by the StockReservations specs. Only specs import this file.
import { InMemoryReservationRepository } from '../data/in-memory-reservation.repository';
import { InMemoryStockRepository } from '../data/in-memory-stock.repository';
import { StockReservations } from './stock-reservations';

/** Product 1: 10 on hand; product 2: 3 on hand; product 3: out of stock. */
export const setup = () => {
  const stock = new InMemoryStockRepository([
    { productId: '1', onHand: 10, reserved: 0 },
    { productId: '2', onHand: 3, reserved: 0 },
    { productId: '3', onHand: 0, reserved: 0 },
  ]);
  const reservations = new StockReservations(stock, new InMemoryReservationRepository());
  const reserved = (productId: string) => stock.byId(productId)?.reserved;
  return { reservations, reserved };
};

/** All of product 2 and some of product 1. */
export const ITEMS = [
  { productId: '1', quantity: 4 },
  { productId: '2', quantity: 3 },
];
