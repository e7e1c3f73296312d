import type { inventoryV1 } from '@junction/contracts';
import type { JSONColumnType } from 'kysely';

/** inventory.stock: one row per product; reserved never exceeds on_hand (a CHECK). */
export interface StockTable {
  product_id: string;
  on_hand: number;
  reserved: number;
}

/** inventory.reservations: one row per order id ever seen, released or not. */
export interface ReservationsTable {
  order_id: string;
  /** Written as JSON text (node-postgres would send an array as a Postgres array). */
  items: JSONColumnType<inventoryV1.ReservationItem[]>;
  released: boolean;
}

/** The inventory schema as Kysely sees it. */
export interface InventoryTables {
  stock: StockTable;
  reservations: ReservationsTable;
}
