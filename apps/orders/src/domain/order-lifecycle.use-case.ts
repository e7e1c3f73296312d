import { Injectable } from '@nestjs/common';
import { ordersV1 } from '@junction/contracts';
import { notFound } from '@junction/grpc-server';
import { OrderRepository } from './order.repository';

/** GetOrder and ConfirmOrder. Ids arrive validated in shape. */
@Injectable()
export class OrderLifecycle {
  constructor(private readonly orders: OrderRepository) {}

  async get(id: string): Promise<ordersV1.Order> {
    const order = await this.orders.byId(id);
    if (!order) throw notFound(`order ${id} not found`, 'ORDER_NOT_FOUND');
    return order;
  }

  /** PENDING → CONFIRMED. Confirming again is a no-op, so retries are safe. */
  async confirm(id: string): Promise<ordersV1.Order> {
    const order = await this.get(id);
    if (order.status === ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED) return order;
    const confirmed = { ...order, status: ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED };
    await this.orders.save(confirmed);
    return confirmed;
  }
}
