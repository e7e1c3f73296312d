import { ApiProperty } from '@nestjs/swagger';
import { ordersV1 } from '@junction/contracts';

export class OrderItemView {
  @ApiProperty({ example: '1' })
  productId!: string;
  @ApiProperty({ example: 2 })
  quantity!: number;
  @ApiProperty({ example: 5932 })
  unitPriceCents!: number;
}

export class OrderView {
  @ApiProperty({
    example: '1234567890123456789',
    description: 'Time-ordered 63-bit id, as a decimal string',
  })
  id!: string;
  @ApiProperty({ enum: ['PENDING', 'CONFIRMED'] })
  status!: string;
  @ApiProperty({ type: [OrderItemView] })
  items!: OrderItemView[];
  @ApiProperty({ example: 11864 })
  totalCents!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: '2026-11-22T06:00:00.000Z' })
  createdAt!: string;
}

const STATUS_NAMES: Readonly<Record<string, string>> = {
  [ordersV1.OrderStatus.ORDER_STATUS_PENDING]: 'PENDING',
  [ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED]: 'CONFIRMED',
};

export function toOrderView(order: ordersV1.Order | undefined): OrderView {
  if (!order) throw new Error('orders answered without an order');
  return {
    id: order.id,
    status: STATUS_NAMES[order.status] ?? 'UNKNOWN',
    items: order.items.map(({ productId, quantity, unitPriceCents }) => ({
      productId,
      quantity,
      unitPriceCents,
    })),
    totalCents: order.totalCents,
    currency: order.currency,
    createdAt: new Date(order.createTimeUnixMs).toISOString(),
  };
}
