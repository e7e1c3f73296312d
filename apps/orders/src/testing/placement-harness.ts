// Builds OrderPlacement over in-memory fakes. Only specs import this file.
import { Logger } from '@nestjs/common';
import { InMemoryOrderRepository } from '../data/in-memory-order.repository';
import { IdempotencyStore } from '../domain/idempotency.store';
import { OrderIdGenerator } from '../domain/order-id.generator';
import { OrderLifecycle } from '../domain/order-lifecycle.use-case';
import { OrderPlacement } from '../domain/order-placement.use-case';
import type { Price } from '../domain/price-list.port';
import { FakePriceList, FakeStockReservations, ManualClock } from './order-fakes';

export const MACHINE_ID = 42;

/** Products "1" to "5" at 100, 200, … cents, in EUR. */
export const seededPrices = (): Map<string, Price> =>
  new Map([1, 2, 3, 4, 5].map((n) => [String(n), { unitPriceCents: n * 100, currency: 'EUR' }]));

export function placementHarness() {
  const clock = new ManualClock();
  const priceList = new FakePriceList(seededPrices());
  const stock = new FakeStockReservations();
  const orders = new InMemoryOrderRepository();
  const placement = new OrderPlacement(
    priceList,
    stock,
    orders,
    new OrderIdGenerator(MACHINE_ID, clock),
    new IdempotencyStore(clock),
    clock,
  );
  return { clock, priceList, stock, orders, placement, lifecycle: new OrderLifecycle(orders) };
}

export type PlacementHarness = ReturnType<typeof placementHarness>;

/**
 * Call inside a describe: every test there gets a fresh harness (the one
 * object returned, refilled before each test), with Nest's warnings silenced
 * and every spy restored after it.
 */
export function placementHarnessPerTest(): PlacementHarness {
  const h = {} as PlacementHarness;
  beforeEach(() => {
    Object.assign(h, placementHarness());
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
  return h;
}
