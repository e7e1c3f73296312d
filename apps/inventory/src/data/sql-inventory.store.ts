import type { Kysely, Transaction } from 'kysely';
import {
  InventoryStore,
  type InventoryTransaction,
  type Reservation,
  type StockRecord,
} from '../domain/inventory.store';
import type { InventoryTables } from './inventory.tables';

type Db = Kysely<InventoryTables>;

const STOCK_COLUMNS = ['product_id', 'on_hand', 'reserved'] as const;

const byProduct = (rows: readonly { product_id: string; on_hand: number; reserved: number }[]) =>
  new Map<string, StockRecord>(
    rows.map((row) => [
      row.product_id,
      { productId: row.product_id, onHand: row.on_hand, reserved: row.reserved },
    ]),
  );

/** One transaction's view: every lock it takes is held until it commits or rolls back. */
class SqlInventoryTransaction implements InventoryTransaction {
  constructor(private readonly trx: Transaction<InventoryTables>) {}

  async lockReservation(orderId: string): Promise<Reservation | undefined> {
    // Insert-first: a concurrent transaction with the same id blocks on the
    // primary key until this one ends, then finds the row (no lost race).
    const claimed = await this.trx
      .insertInto('reservations')
      .values({ order_id: orderId, items: '[]', released: false })
      .onConflict((conflict) => conflict.column('order_id').doNothing())
      .returning('order_id')
      .executeTakeFirst();
    if (claimed) return undefined;
    const row = await this.trx
      .selectFrom('reservations')
      .select(['order_id', 'items', 'released'])
      .where('order_id', '=', orderId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { orderId: row.order_id, items: row.items, released: row.released };
  }

  async lockStock(productIds: readonly string[]): Promise<ReadonlyMap<string, StockRecord>> {
    if (productIds.length === 0) return new Map();
    // Locked in product order, so two orders over the same products cannot
    // deadlock by locking them the other way round.
    const rows = await this.trx
      .selectFrom('stock')
      .select(STOCK_COLUMNS)
      .where('product_id', 'in', [...productIds])
      .orderBy('product_id')
      .forUpdate()
      .execute();
    return byProduct(rows);
  }

  async addReserved(productId: string, delta: number): Promise<void> {
    const result = await this.trx
      .updateTable('stock')
      .set((eb) => ({ reserved: eb('reserved', '+', delta) }))
      .where('product_id', '=', productId)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw new Error(`no stock record for product ${productId}`);
  }

  async saveReservation(reservation: Reservation): Promise<void> {
    await this.trx
      .updateTable('reservations')
      .set({ items: JSON.stringify(reservation.items), released: reservation.released })
      .where('order_id', '=', reservation.orderId)
      .execute();
  }
}

/** Stock and reservations in the inventory schema (PGlite or PostgreSQL, one SQL path). */
export class SqlInventoryStore extends InventoryStore {
  constructor(private readonly db: Db) {
    super();
  }

  async stockOf(productIds: readonly string[]): Promise<ReadonlyMap<string, StockRecord>> {
    if (productIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('stock')
      .select(STOCK_COLUMNS)
      .where('product_id', 'in', [...productIds])
      .execute();
    return byProduct(rows);
  }

  transaction<T>(work: (tx: InventoryTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new SqlInventoryTransaction(trx)));
  }
}
