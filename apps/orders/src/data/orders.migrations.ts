import { sql, type Migration } from 'kysely';

/**
 * The orders schema's history: append, never edit a migration that has
 * shipped. Each runs once per database, in name order (see openDatabase).
 */
export const ORDERS_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-orders-lines-and-keys': {
    up: async (db) => {
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('total_cents', 'bigint', (c) => c.notNull())
        .addColumn('create_time_ms', 'bigint', (c) => c.notNull())
        .addColumn('expiry', 'text', (c) => c.check(sql`expiry in ('expired', 'released')`))
        .execute();
      // The expiry sweep reads pending orders oldest first.
      await db.schema
        .createIndex('orders_by_create_time')
        .on('orders')
        .column('create_time_ms')
        .execute();
      await db.schema
        .createTable('order_lines')
        .addColumn('order_id', 'text', (c) =>
          c.notNull().references('orders.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_lines_pk', ['order_id', 'position'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull().unique())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('creating', 'done')`))
        .addColumn('claimed_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  /**
   * Each order belongs to the identity that placed it (the gateway-verified
   * caller's principal). Orders from before owners existed get '', which
   * no caller is: they are no one's to read or confirm.
   */
  '0002-order-owner': {
    up: async (db) => {
      await db.schema
        .alterTable('orders')
        .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    },
  },
};
