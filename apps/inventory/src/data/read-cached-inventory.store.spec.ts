import {
  InventoryStore,
  type InventoryTransaction,
  type StockRecord,
} from '../domain/inventory.store';
import { StockReservations } from '../domain/stock-reservations';
import { inventoryStorePerTest } from '../testing/inventory-store.fixture';
import { ReadCachedInventoryStore } from './read-cached-inventory.store';

const TTL_MS = 1000;

/** The real store, its reads held back until the test lets them answer. */
class HeldReads extends InventoryStore {
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  /** Resolves once the database has answered the held read. */
  read!: Promise<void>;

  constructor(private readonly inner: InventoryStore) {
    super();
  }

  async stockOf(productIds: readonly string[]): Promise<ReadonlyMap<string, StockRecord>> {
    const answered = this.inner.stockOf(productIds);
    this.read = answered.then(() => undefined);
    const stock = await answered;
    await this.released;
    return stock;
  }

  transaction<T>(work: (tx: InventoryTransaction) => Promise<T>): Promise<T> {
    return this.inner.transaction(work);
  }

  answer(): void {
    this.release();
  }
}

describe('ReadCachedInventoryStore', () => {
  const fixture = inventoryStorePerTest([
    { productId: '1', onHand: 10, reserved: 4 },
    { productId: '2', onHand: 8, reserved: 0 },
    { productId: '3', onHand: 7, reserved: 0 },
  ]);
  let now: number;
  const cachedOver = (inner: InventoryStore, maxEntries?: number) =>
    new ReadCachedInventoryStore(inner, { ttlMs: TTL_MS, maxEntries, now: () => now });
  /** A change the cache cannot see: another instance's, straight in the database. */
  const reserveElsewhere = (productId: string, reserved: number) =>
    fixture.db.updateTable('stock').set({ reserved }).where('product_id', '=', productId).execute();
  const reservedOf = async (store: InventoryStore, productId: string) =>
    (await store.stockOf([productId])).get(productId)?.reserved;

  beforeEach(() => {
    now = 0;
  });

  it('answers a repeated read from memory until the TTL has passed', async () => {
    const cached = cachedOver(fixture.store);
    expect(await reservedOf(cached, '1')).toBe(4);
    await reserveElsewhere('1', 6);
    now = TTL_MS - 1;
    expect(await reservedOf(cached, '1')).toBe(4);
    now = TTL_MS;
    expect(await reservedOf(cached, '1')).toBe(6);
  });

  it("reads a product again as soon as this instance's reservation or release changes it", async () => {
    const cached = cachedOver(fixture.store);
    const reservations = new StockReservations(cached);
    await cached.stockOf(['1', '2']);
    await reserveElsewhere('2', 3);
    await reservations.reserve('order-1', [{ productId: '1', quantity: 2 }]);
    expect(await reservedOf(cached, '1')).toBe(6);
    // Only what the reservation touched is read again.
    expect(await reservedOf(cached, '2')).toBe(0);
    await reservations.release('order-1');
    expect(await reservedOf(cached, '1')).toBe(4);
  });

  it('does not keep a read that a reservation overtook', async () => {
    const held = new HeldReads(fixture.store);
    const cached = cachedOver(held);
    const early = cached.stockOf(['1']);
    await held.read;
    await new StockReservations(cached).reserve('order-1', [{ productId: '1', quantity: 3 }]);
    held.answer();
    // The overtaken read answers its own call with what the database said then…
    expect((await early).get('1')?.reserved).toBe(4);
    // …but the next read must see the reservation.
    expect(await reservedOf(cached, '1')).toBe(7);
  });

  it('does not keep unknown products, so one added later is found', async () => {
    const cached = cachedOver(fixture.store);
    expect((await cached.stockOf(['9'])).has('9')).toBe(false);
    await fixture.db
      .insertInto('stock')
      .values({ product_id: '9', on_hand: 5, reserved: 0 })
      .execute();
    expect(await reservedOf(cached, '9')).toBe(0);
  });

  it('keeps at most maxEntries products, dropping the one fetched longest ago', async () => {
    const cached = cachedOver(fixture.store, 2);
    await cached.stockOf(['1']);
    await cached.stockOf(['2', '3']);
    await reserveElsewhere('1', 5);
    await reserveElsewhere('3', 1);
    expect(await reservedOf(cached, '1')).toBe(5);
    expect(await reservedOf(cached, '3')).toBe(0);
  });

  it('answers a mix of kept and new products in one read', async () => {
    const cached = cachedOver(fixture.store);
    await cached.stockOf(['1']);
    await reserveElsewhere('1', 9);
    const stock = await cached.stockOf(['2', '1', '3']);
    expect([...stock.keys()].sort()).toEqual(['1', '2', '3']);
    expect(stock.get('1')?.reserved).toBe(4);
  });
});
