import type { ordersV1 } from '@junction/contracts';
import { OrderRepository } from '../domain/order.repository';

/**
 * Orders held in this process's memory: lost on restart, not shared between
 * instances. Copies go in and out, so no caller can change a stored order.
 */
export class InMemoryOrderRepository extends OrderRepository {
  private readonly byKey = new Map<string, ordersV1.Order>();

  async save(order: ordersV1.Order): Promise<void> {
    this.byKey.set(order.id, structuredClone(order));
  }

  async byId(id: string): Promise<ordersV1.Order | undefined> {
    const order = this.byKey.get(id);
    return order && structuredClone(order);
  }
}
