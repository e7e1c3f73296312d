import { Injectable, Logger } from '@nestjs/common';
import { ordersV1 } from '@junction/contracts';
import { failedPrecondition, notFound } from '@junction/grpc-server';
import { Clock } from './clock';
import { IdempotencyStore, type IdempotentResult } from './idempotency.store';
import { OrderIdGenerator } from './order-id.generator';
import { linesFingerprint, type OrderLine } from './order-lines';
import { OrderRepository } from './order.repository';
import { PriceList, type Price } from './price-list.port';
import { StockReservations } from './stock-reservations.port';

/**
 * CreateOrder: price in the catalog, reserve in inventory, store as PENDING;
 * idempotent by key. Lines arrive validated (1..50, distinct products).
 */
@Injectable()
export class OrderPlacement {
  private readonly logger = new Logger(OrderPlacement.name);

  constructor(
    private readonly priceList: PriceList,
    private readonly stock: StockReservations,
    private readonly orders: OrderRepository,
    private readonly ids: OrderIdGenerator,
    private readonly keys: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  async place(idempotencyKey: string, lines: readonly OrderLine[]): Promise<IdempotentResult> {
    const result = await this.keys.run(idempotencyKey, linesFingerprint(lines), () =>
      this.create(lines),
    );
    if (!result.replayed) return result;
    // A replay answers with the order as it is now (it may be confirmed since).
    return { order: (await this.orders.byId(result.order.id)) ?? result.order, replayed: true };
  }

  private async create(lines: readonly OrderLine[]): Promise<ordersV1.Order> {
    const prices = await this.priceList.prices(lines.map((line) => line.productId));
    const currency = singleCurrency(lines, prices);
    const items = lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPriceCents: priceOf(prices, line).unitPriceCents,
    }));
    // Everything that can refuse the order runs before stock is reserved.
    const totalCents = totalOf(items);
    const id = this.ids.next();
    await this.stock.reserve(id, lines);
    const order: ordersV1.Order = {
      id,
      status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
      items,
      totalCents,
      currency,
      createTimeUnixMs: this.clock.now(),
    };
    try {
      await this.orders.save(order);
    } catch (error) {
      // A failed order reserves nothing.
      await this.releaseQuietly(id);
      throw error;
    }
    return order;
  }

  private async releaseQuietly(orderId: string): Promise<void> {
    try {
      await this.stock.release(orderId);
    } catch (error) {
      this.logger.warn(
        `could not release the reservation of order ${orderId}: ${(error as Error).message}`,
      );
    }
  }
}

const priceOf = (prices: ReadonlyMap<string, Price>, line: OrderLine): Price =>
  prices.get(line.productId) as Price;

/** NOT_FOUND for unknown products; one currency, since an order has one total. */
function singleCurrency(lines: readonly OrderLine[], prices: ReadonlyMap<string, Price>): string {
  const missing = lines.filter((line) => !prices.has(line.productId)).map((l) => l.productId);
  if (missing.length) {
    throw notFound(
      `product${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`,
      'PRODUCT_NOT_FOUND',
    );
  }
  const currencies = new Set(lines.map((line) => priceOf(prices, line).currency));
  if (currencies.size > 1) {
    throw failedPrecondition(
      `items are priced in different currencies (${[...currencies].join(', ')})`,
      'MIXED_CURRENCIES',
    );
  }
  return [...currencies][0];
}

/** Σ quantity × unit price, kept exact: int64 cents travel as JS numbers. */
function totalOf(items: readonly ordersV1.OrderItem[]): number {
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  if (!Number.isSafeInteger(total)) {
    throw failedPrecondition('the order total is too large', 'TOTAL_OUT_OF_RANGE');
  }
  return total;
}
