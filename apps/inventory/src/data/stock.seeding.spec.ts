import { inventoryStorePerTest } from '../testing/inventory-store.fixture';
import { SEEDED_PRODUCTS, seededOnHand } from './stock.seed';
import { seedMissingStock } from './stock.seeding';

describe('seedMissingStock', () => {
  const fixture = inventoryStorePerTest([]);

  it('stocks every seeded product from nothing', async () => {
    await seedMissingStock(fixture.db);
    const stock = await fixture.store.stockOf(['1', '13', String(SEEDED_PRODUCTS)]);
    expect(stock.get('1')).toEqual({ productId: '1', onHand: seededOnHand(1), reserved: 0 });
    expect(stock.get('13')?.onHand).toBe(0);
    expect(stock.size).toBe(3);
  });

  it('leaves stock that is already there alone, reservations included, on the next start', async () => {
    await seedMissingStock(fixture.db);
    await fixture.store.transaction((tx) => tx.addReserved('1', 5));
    await seedMissingStock(fixture.db);
    expect((await fixture.store.stockOf(['1'])).get('1')?.reserved).toBe(5);
  });
});
