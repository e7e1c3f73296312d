import { ordersV1 } from '@junction/contracts';
import { Logger } from '@nestjs/common';
import { Status, unavailable } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { SqlOrderRepository } from '../data/sql-order.repository';
import { ordersDatabasePerTest } from '../testing/orders-database.fixture';
import { OWNER } from '../testing/placement-harness';
import { FakeStockReservations, ManualClock } from '../testing/order-fakes';
import { OrderLifecycle } from './order-lifecycle.use-case';
import { ReservationExpiry } from './reservation-expiry.use-case';

const MINUTE = 60_000;
const TTL = 15 * MINUTE;

/** Fails the release of the listed orders, like an unreachable inventory. */
class FlakyStock extends FakeStockReservations {
  readonly failFor = new Set<string>();
  override async release(orderId: string): Promise<void> {
    if (this.failFor.has(orderId)) {
      this.releaseCalls.push(orderId);
      throw unavailable('inventory unavailable', 'UPSTREAM_UNAVAILABLE');
    }
    await super.release(orderId);
  }
}

describe('ReservationExpiry', () => {
  const fixture = ordersDatabasePerTest();
  let clock: ManualClock;
  let orders: SqlOrderRepository;
  let stock: FlakyStock;
  let expiry: ReservationExpiry;
  let lifecycle: OrderLifecycle;
  beforeEach(() => {
    clock = new ManualClock();
    orders = new SqlOrderRepository(fixture.db);
    stock = new FlakyStock();
    expiry = new ReservationExpiry(orders, stock, clock, { ttlMs: TTL, batchSize: 2 });
    lifecycle = new OrderLifecycle(orders);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  /** A PENDING order created `ageMs` ago, holding stock. */
  async function placed(id: string, ageMs: number): Promise<void> {
    await orders.save(
      {
        id,
        status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
        items: [{ productId: '1', quantity: 1, unitPriceCents: 100 }],
        totalCents: 100,
        currency: 'EUR',
        createTimeUnixMs: clock.now() - ageMs,
      },
      OWNER,
    );
    await stock.reserve(id, [{ productId: '1', quantity: 1 }]);
  }

  it('releases the stock of PENDING orders older than the TTL, and only those', async () => {
    await placed('old', TTL + 1);
    await placed('exactly', TTL);
    await placed('young', TTL - 1);
    expect(await expiry.sweep()).toEqual({ released: ['old', 'exactly'], failed: [] });
    expect(stock.releaseCalls).toEqual(['old', 'exactly']);
    expect([...stock.held.keys()]).toEqual(['young']);
  });

  it('leaves CONFIRMED orders alone, however old', async () => {
    await placed('o1', 2 * TTL);
    await lifecycle.confirm('o1', OWNER);
    expect(await expiry.sweep()).toEqual({ released: [], failed: [] });
    expect(stock.held.has('o1')).toBe(true);
  });

  it('makes an expired order unconfirmable: FAILED_PRECONDITION ORDER_EXPIRED', async () => {
    await placed('o1', TTL);
    await expiry.sweep();
    expect(await statusErrorOf(lifecycle.confirm('o1', OWNER))).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'ORDER_EXPIRED',
    });
    // Still PENDING on the wire: the contract has no EXPIRED status.
    expect((await lifecycle.get('o1', OWNER)).status).toBe(
      ordersV1.OrderStatus.ORDER_STATUS_PENDING,
    );
  });

  it('releases each order once: later sweeps skip what was released', async () => {
    await placed('o1', TTL);
    await expiry.sweep();
    clock.advance(TTL);
    expect(await expiry.sweep()).toEqual({ released: [], failed: [] });
    expect(stock.releaseCalls).toEqual(['o1']);
  });

  it('keeps an order whose release failed expired, and retries it next sweep', async () => {
    await placed('o1', TTL);
    stock.failFor.add('o1');
    expect(await expiry.sweep()).toEqual({ released: [], failed: ['o1'] });
    expect((await statusErrorOf(lifecycle.confirm('o1', OWNER))).reason).toBe('ORDER_EXPIRED');
    stock.failFor.clear();
    expect(await expiry.sweep()).toEqual({ released: ['o1'], failed: [] });
  });

  it('takes at most a batch per sweep, oldest first', async () => {
    await placed('o3', TTL + 1);
    await placed('o1', TTL + 3);
    await placed('o2', TTL + 2);
    expect((await expiry.sweep()).released).toEqual(['o1', 'o2']);
    expect((await expiry.sweep()).released).toEqual(['o3']);
  });

  it('measures age with the injected clock', async () => {
    await placed('o1', 0);
    expect((await expiry.sweep()).released).toEqual([]);
    clock.advance(TTL);
    expect((await expiry.sweep()).released).toEqual(['o1']);
  });

  it('stops between orders once its signal aborts (leadership lost)', async () => {
    await placed('o1', TTL);
    await placed('o2', TTL);
    const stopper = new AbortController();
    stock.release = jest.fn(async () => stopper.abort());
    expect((await expiry.sweep(stopper.signal)).released).toEqual(['o1']);
  });

  it('loses to a confirm that came first: the order stays CONFIRMED with its stock', async () => {
    await placed('o1', TTL);
    const confirmed = lifecycle.confirm('o1', OWNER);
    const swept = expiry.sweep();
    expect((await confirmed).status).toBe(ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED);
    expect((await swept).released).toEqual([]);
    expect(stock.held.has('o1')).toBe(true);
  });
});
