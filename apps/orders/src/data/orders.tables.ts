import type { ordersV1 } from '@junction/contracts';
import type { ColumnType } from 'kysely';

/** int8 columns: written as numbers, read as whatever the driver gives (pg: a string). */
type Int8 = ColumnType<number | string | bigint, number, number>;

/** orders.orders: one row per order. */
export interface OrdersTable {
  id: string;
  status: ordersV1.OrderStatus;
  currency: string;
  total_cents: Int8;
  create_time_ms: Int8;
  /** Expiry mark (see OrderRepository): null, 'expired' or 'released'. */
  expiry: 'expired' | 'released' | null;
  /** Whose order it is: the placing caller's principal ('' for orders from before owners). */
  owner: ColumnType<string, string | undefined, string>;
}

/** orders.order_lines: an order's items in request order. */
export interface OrderLinesTable {
  order_id: string;
  position: number;
  product_id: string;
  quantity: number;
  unit_price_cents: Int8;
}

/** orders.idempotency_keys: which order a key created, or is creating. */
export interface IdempotencyKeysTable {
  key: string;
  fingerprint: string;
  /** Chosen when the key is claimed, before any stock is reserved under it. */
  order_id: string;
  state: 'creating' | 'done';
  claimed_at_ms: Int8;
  expires_at_ms: Int8;
}

/** The orders schema as Kysely sees it. */
export interface OrdersTables {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  idempotency_keys: IdempotencyKeysTable;
}
