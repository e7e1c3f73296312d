import type { ordersV1 } from '@junction/contracts';

/** Where orders are kept. Async, so a real store can replace the in-memory one. */
export abstract class OrderRepository {
  /** Inserts or replaces the order with this id. */
  abstract save(order: ordersV1.Order): Promise<void>;
  abstract byId(id: string): Promise<ordersV1.Order | undefined>;
}
