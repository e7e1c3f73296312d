// A real inventory schema for specs: PGlite in memory, migrated by the same
// code as production, one per spec file, its stock reset before each test.
// Only specs import this file.
import { IN_MEMORY_SETTINGS, openDatabase, type Database } from '@junction/persistence';
import { INVENTORY_MIGRATIONS } from '../data/inventory.migrations';
import type { InventoryTables } from '../data/inventory.tables';
import { SqlInventoryStore } from '../data/sql-inventory.store';
import type { StockRecord } from '../domain/inventory.store';

export interface InventoryStoreFixture {
  readonly store: SqlInventoryStore;
  readonly db: Database<InventoryTables>['db'];
  /** A product's reserved count as stored now. */
  reserved(productId: string): Promise<number | undefined>;
}

/** Call inside a describe; `stock` is what every test there starts from (no reservations). */
export function inventoryStorePerTest(stock: readonly StockRecord[]): InventoryStoreFixture {
  const fixture = {} as { -readonly [K in keyof InventoryStoreFixture]: InventoryStoreFixture[K] };
  let database: Database<InventoryTables>;
  beforeAll(async () => {
    database = await openDatabase<InventoryTables>({
      service: 'inventory',
      settings: IN_MEMORY_SETTINGS,
      migrations: INVENTORY_MIGRATIONS,
    });
    fixture.db = database.db;
    fixture.store = new SqlInventoryStore(database.db);
    fixture.reserved = async (productId) =>
      (
        await database.db
          .selectFrom('stock')
          .select('reserved')
          .where('product_id', '=', productId)
          .executeTakeFirst()
      )?.reserved;
  });
  beforeEach(async () => {
    await database.db.deleteFrom('reservations').execute();
    await database.db.deleteFrom('stock').execute();
    if (stock.length === 0) return;
    await database.db
      .insertInto('stock')
      .values(
        stock.map((s) => ({ product_id: s.productId, on_hand: s.onHand, reserved: s.reserved })),
      )
      .execute();
  });
  afterAll(() => database?.close());
  return fixture;
}
