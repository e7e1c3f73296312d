import { Injectable, Logger } from '@nestjs/common';
import { ordersV1 } from '@junction/contracts';
import { aborted, failedPrecondition, invalidArgument, notFound } from '@junction/grpc-server';
import { Clock } from './clock';
import { IdempotencyKeys } from './idempotency-keys.port';
import { OrderIdGenerator } from './order-id.generator';
import { linesFingerprint, type OrderLine } from './order-lines';
import { OrderRepository } from './order.repository';
import { PriceList, type Price } from './price-list.port';
import { StockReservations } from './stock-reservations.port';

export interface IdempotentResult {
  readonly order: ordersV1.Order;
  /** True when the key had already created this order. */
  readonly replayed: boolean;
}

const keyReused = () =>
  invalidArgument(
    'idempotency_key: already used for a different set of items',
    'IDEMPOTENCY_KEY_REUSED',
  );

const keyInFlight = () =>
  aborted(
    'idempotency_key: a request with this key is still being processed; retry shortly',
    'IDEMPOTENCY_KEY_IN_FLIGHT',
  );

/**
 * CreateOrder: price in the catalog, reserve in inventory, store as PENDING;
 * idempotent by key, across instances and restarts (Stripe's semantics: a
 * replay answers the same order, the key with other items is refused, the
 * key while its first request runs answers "in flight"). Keys are each
 * owner's own: two callers may use the same key for two orders. Lines
 * arrive validated (1..50, distinct products).
 */
@Injectable()
export class OrderPlacement {
  private readonly logger = new Logger(OrderPlacement.name);

  constructor(
    private readonly priceList: PriceList,
    private readonly stock: StockReservations,
    private readonly orders: OrderRepository,
    private readonly ids: OrderIdGenerator,
    private readonly keys: IdempotencyKeys,
    private readonly clock: Clock,
  ) {}

  async place(
    clientKey: string,
    lines: readonly OrderLine[],
    owner: string,
  ): Promise<IdempotentResult> {
    const idempotencyKey = ownersKey(owner, clientKey);
    const claim = await this.keys.claim(idempotencyKey, linesFingerprint(lines), () =>
      this.ids.next(),
    );
    switch (claim.kind) {
      case 'reused':
        throw keyReused();
      case 'in-flight':
        throw keyInFlight();
      case 'done':
        // A replay answers with the order as it is now (it may be confirmed since).
        return { order: await this.stored(claim.orderId), replayed: true };
    }
    // A claim taken over from a creator that died may have stored its order
    // already (it died before marking the key done).
    const earlier = claim.takenOver ? await this.orders.byId(claim.orderId) : undefined;
    try {
      const order = earlier ?? (await this.create(claim.orderId, lines, owner));
      await this.keys.complete(idempotencyKey, claim.orderId);
      return { order, replayed: earlier !== undefined };
    } catch (error) {
      if (!earlier) await this.abandonQuietly(idempotencyKey, claim.orderId);
      throw error;
    }
  }

  private async stored(orderId: string): Promise<ordersV1.Order> {
    const order = await this.orders.byId(orderId);
    // A done key always has its order: both are in one database, the order first.
    if (!order) throw new Error(`idempotency key bound to order ${orderId}, which is not stored`);
    return order;
  }

  /**
   * Under a taken-over claim the id is the dead creator's, so inventory
   * replays the reservation it may already have made instead of making a
   * second one.
   */
  private async create(
    id: string,
    lines: readonly OrderLine[],
    owner: string,
  ): Promise<ordersV1.Order> {
    const prices = await this.priceList.prices(lines.map((line) => line.productId));
    const currency = singleCurrency(lines, prices);
    const items = lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPriceCents: priceOf(prices, line).unitPriceCents,
    }));
    // Everything that can refuse the order runs before stock is reserved.
    const totalCents = totalOf(items);
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
      await this.orders.save(order, owner);
    } catch (error) {
      // A failed order reserves nothing.
      await this.releaseQuietly(id);
      throw error;
    }
    return order;
  }

  private async abandonQuietly(key: string, orderId: string): Promise<void> {
    try {
      await this.keys.abandon(key, orderId);
    } catch (error) {
      // Left claimed, the key frees itself once its claim lease runs out.
      this.logger.warn(
        `could not free idempotency key of order ${orderId}: ${(error as Error).message}`,
      );
    }
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

/**
 * The key as stored: the owner's, then the client's (which, printable ASCII,
 * never holds a newline, so no two owner/key pairs meet).
 */
export const ownersKey = (owner: string, key: string): string => `${owner}\n${key}`;

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
