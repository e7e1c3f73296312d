import { Injectable } from '@nestjs/common';
import type { ordersV1 } from '@junction/contracts';
import { failedPrecondition, notFound } from '@junction/grpc-server';
import { OrderRepository } from './order.repository';

const orderNotFound = (id: string) => notFound(`order ${id} not found`, 'ORDER_NOT_FOUND');

/**
 * GetOrder and ConfirmOrder, for the order's owner only: anyone else's
 * order answers NOT_FOUND, exactly as a missing one, so ids cannot be
 * probed. Ids arrive validated in shape.
 */
@Injectable()
export class OrderLifecycle {
  constructor(private readonly orders: OrderRepository) {}

  async get(id: string, owner: string): Promise<ordersV1.Order> {
    const order = await this.orders.byId(id, owner);
    if (!order) throw orderNotFound(id);
    return order;
  }

  /**
   * PENDING → CONFIRMED. Confirming again is a no-op, so retries are safe.
   * An order whose reservation expired (ReservationExpiry released its
   * stock) is refused: FAILED_PRECONDITION ORDER_EXPIRED; it still reads as
   * PENDING, since the contract has no EXPIRED status.
   */
  async confirm(id: string, owner: string): Promise<ordersV1.Order> {
    const result = await this.orders.confirm(id, owner);
    switch (result.outcome) {
      case 'not-found':
        throw orderNotFound(id);
      case 'expired':
        throw failedPrecondition(
          `order ${id} expired: it was not confirmed in time and its stock was released`,
          'ORDER_EXPIRED',
        );
      default:
        return result.order;
    }
  }
}
