import { sql, type Migration } from 'kysely';

/**
 * The inventory schema's history: append, never edit a migration that has
 * shipped. Each runs once per database, in name order (see openDatabase).
 */
export const INVENTORY_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-stock-and-reservations': {
    up: async (db) => {
      await db.schema
        .createTable('stock')
        .addColumn('product_id', 'text', (c) => c.primaryKey())
        .addColumn('on_hand', 'integer', (c) => c.notNull().check(sql`on_hand >= 0`))
        .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
        // The last guard against overselling: even a buggy use case cannot
        // commit more reserved than on hand, or a negative count.
        .addCheckConstraint('stock_reserved_within_on_hand', sql`reserved between 0 and on_hand`)
        .execute();
      await db.schema
        .createTable('reservations')
        .addColumn('order_id', 'text', (c) => c.primaryKey())
        .addColumn('items', 'jsonb', (c) => c.notNull())
        .addColumn('released', 'boolean', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
  },
};
