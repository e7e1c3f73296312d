// Shared by the StockReservations specs. Only specs import this file.
import { inventoryStorePerTest } from '../testing/inventory-store.fixture';
import { StockReservations } from './stock-reservations';

/**
 * Call inside a describe. Product 1: 10 on hand; product 2: 3 on hand;
 * product 3: out of stock; each test starts from that, on a real schema.
 */
export const reservationsPerTest = () => {
  const fixture = inventoryStorePerTest([
    { productId: '1', onHand: 10, reserved: 0 },
    { productId: '2', onHand: 3, reserved: 0 },
    { productId: '3', onHand: 0, reserved: 0 },
  ]);
  return {
    get reservations() {
      return new StockReservations(fixture.store);
    },
    reserved: (productId: string) => fixture.reserved(productId),
  };
};

/** All of product 2 and some of product 1. */
export const ITEMS = [
  { productId: '1', quantity: 4 },
  { productId: '2', quantity: 3 },
];
