// Builds OrderPlacement over a real orders schema (PGlite) and fakes of the
// other services. Only specs import this file.
import { Logger } from '@nestjs/common';
import { SqlIdempotencyKeys } from '../data/sql-idempotency-keys';
import { SqlOrderRepository } from '../data/sql-order.repository';
import { OrderIdGenerator } from '../domain/order-id.generator';
import { OrderLifecycle } from '../domain/order-lifecycle.use-case';
import { OrderPlacement } from '../domain/order-placement.use-case';
import type { Price } from '../domain/price-list.port';
import { FakePriceList, FakeStockReservations, ManualClock } from './order-fakes';
import { ordersDatabasePerTest } from './orders-database.fixture';

export const MACHINE_ID = 42;
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
export const CLAIM_LEASE_MS = 10_000;
/** Whose orders the specs place, as the gRPC controller passes a verified caller's principal. */
export const OWNER = 'api-key:alice';

/** Products "1" to "5" at 100, 200, … cents, in EUR. */
export const seededPrices = (): Map<string, Price> =>
  new Map([1, 2, 3, 4, 5].map((n) => [String(n), { unitPriceCents: n * 100, currency: 'EUR' }]));

function placementHarness(db: ReturnType<typeof ordersDatabasePerTest>['db']) {
  const clock = new ManualClock();
  const priceList = new FakePriceList(seededPrices());
  const stock = new FakeStockReservations();
  const orders = new SqlOrderRepository(db);
  const keys = new SqlIdempotencyKeys(db, clock, {
    ttlMs: KEY_TTL_MS,
    claimLeaseMs: CLAIM_LEASE_MS,
  });
  /** Another instance on the same database: its own id generator, the same clock. */
  const otherInstance = (machineId = MACHINE_ID + 1) =>
    new OrderPlacement(
      priceList,
      stock,
      orders,
      new OrderIdGenerator(machineId, clock),
      new SqlIdempotencyKeys(db, clock, { ttlMs: KEY_TTL_MS, claimLeaseMs: CLAIM_LEASE_MS }),
      clock,
    );
  const placement = new OrderPlacement(
    priceList,
    stock,
    orders,
    new OrderIdGenerator(MACHINE_ID, clock),
    keys,
    clock,
  );
  return {
    clock,
    priceList,
    stock,
    orders,
    keys,
    db,
    placement,
    otherInstance,
    lifecycle: new OrderLifecycle(orders),
  };
}

export type PlacementHarness = ReturnType<typeof placementHarness>;

/**
 * Call inside a describe: every test there gets a fresh harness (the one
 * object returned, refilled before each test) over an emptied schema, with
 * Nest's warnings silenced and every spy restored after it.
 */
export function placementHarnessPerTest(): PlacementHarness {
  const fixture = ordersDatabasePerTest();
  const h = {} as PlacementHarness;
  beforeEach(() => {
    Object.assign(h, placementHarness(fixture.db));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
  return h;
}
