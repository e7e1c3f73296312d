import { ordersV1 } from '@junction/contracts';
import { OrderRepository, type Confirmation } from '../domain/order.repository';

interface Stored {
  order: ordersV1.Order;
  /** Expiry mark: 'expired' while its stock is being given back, then 'released'. */
  expiry?: 'expired' | 'released';
}

const PENDING = ordersV1.OrderStatus.ORDER_STATUS_PENDING;
const CONFIRMED = ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED;

/**
 * Orders held in this process's memory: lost on restart, not shared between
 * instances. Copies go in and out, so no caller can change a stored order.
 * Every method changes state without awaiting in between, so each is atomic.
 */
export class InMemoryOrderRepository extends OrderRepository {
  private readonly byKey = new Map<string, Stored>();

  async save(order: ordersV1.Order): Promise<void> {
    const expiry = this.byKey.get(order.id)?.expiry;
    this.byKey.set(order.id, { order: structuredClone(order), expiry });
  }

  async byId(id: string): Promise<ordersV1.Order | undefined> {
    const stored = this.byKey.get(id);
    return stored && structuredClone(stored.order);
  }

  async confirm(id: string): Promise<Confirmation> {
    const stored = this.byKey.get(id);
    if (!stored) return { outcome: 'not-found' };
    if (stored.order.status === CONFIRMED) {
      return { outcome: 'already-confirmed', order: structuredClone(stored.order) };
    }
    if (stored.expiry) return { outcome: 'expired' };
    stored.order = { ...stored.order, status: CONFIRMED };
    return { outcome: 'confirmed', order: structuredClone(stored.order) };
  }

  async expiring(cutoffMs: number, limit: number): Promise<ordersV1.Order[]> {
    // A scan of every order: fine for an in-memory store swept every few seconds.
    const due: ordersV1.Order[] = [];
    for (const { order, expiry } of this.byKey.values()) {
      if (order.status !== PENDING || expiry === 'released') continue;
      if (order.createTimeUnixMs <= cutoffMs) due.push(order);
    }
    return due
      .sort((a, b) => a.createTimeUnixMs - b.createTimeUnixMs)
      .slice(0, limit)
      .map((order) => structuredClone(order));
  }

  async markExpired(id: string): Promise<boolean> {
    const stored = this.byKey.get(id);
    if (!stored || stored.order.status !== PENDING) return false;
    stored.expiry ??= 'expired';
    return true;
  }

  async markReleased(id: string): Promise<void> {
    const stored = this.byKey.get(id);
    if (stored?.expiry) stored.expiry = 'released';
  }
}
