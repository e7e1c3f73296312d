import type { Kysely } from 'kysely';
import type { InventoryTables } from './inventory.tables';
import { seedStock } from './stock.seed';

/**
 * The demo stock, inserted where a product has none yet: every start runs
 * it, and stock that orders have since reserved is never reset.
 */
export async function seedMissingStock(db: Kysely<InventoryTables>): Promise<void> {
  const rows = seedStock().map(({ productId, onHand }) => ({
    product_id: productId,
    on_hand: onHand,
    reserved: 0,
  }));
  await db
    .insertInto('stock')
    .values(rows)
    .onConflict((conflict) => conflict.column('product_id').doNothing())
    .execute();
}
