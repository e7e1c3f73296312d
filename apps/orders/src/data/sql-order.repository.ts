import { ordersV1 } from '@junction/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import { OrderRepository, type Confirmation } from '../domain/order.repository';
import type { OrdersTables } from './orders.tables';

type Db = Kysely<OrdersTables> | Transaction<OrdersTables>;

const PENDING = ordersV1.OrderStatus.ORDER_STATUS_PENDING;
const CONFIRMED = ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED;

/** int8 arrives as a string from node-postgres; ids, cents and times fit a double exactly. */
const int = (value: number | string | bigint): number => Number(value);

const ORDER_COLUMNS = ['id', 'status', 'currency', 'total_cents', 'create_time_ms'] as const;

/**
 * Orders in the orders schema (PGlite or PostgreSQL, one SQL path), shared
 * by every instance. Each state change is one conditional UPDATE, so a
 * confirm and an expiry racing on one order cannot both win, on one
 * instance or across several.
 */
export class SqlOrderRepository extends OrderRepository {
  constructor(private readonly db: Kysely<OrdersTables>) {
    super();
  }

  async save(order: ordersV1.Order, owner = ''): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('orders')
        .values({
          id: order.id,
          status: order.status,
          currency: order.currency,
          total_cents: order.totalCents,
          create_time_ms: order.createTimeUnixMs,
          owner,
        })
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            currency: eb.ref('excluded.currency'),
            total_cents: eb.ref('excluded.total_cents'),
            create_time_ms: eb.ref('excluded.create_time_ms'),
          })),
        )
        .execute();
      await trx.deleteFrom('order_lines').where('order_id', '=', order.id).execute();
      if (order.items.length === 0) return;
      await trx
        .insertInto('order_lines')
        .values(
          order.items.map((item, position) => ({
            order_id: order.id,
            position,
            product_id: item.productId,
            quantity: item.quantity,
            unit_price_cents: item.unitPriceCents,
          })),
        )
        .execute();
    });
  }

  async byId(id: string, owner?: string): Promise<ordersV1.Order | undefined> {
    return (await this.withItems(this.db, [id], owner))[0];
  }

  async confirm(id: string, owner?: string): Promise<Confirmation> {
    const confirmed = await this.db
      .updateTable('orders')
      .set({ status: CONFIRMED })
      .where('id', '=', id)
      .$if(owner !== undefined, (update) => update.where('owner', '=', owner as string))
      .where('status', '=', PENDING)
      .where('expiry', 'is', null)
      .returning('id')
      .executeTakeFirst();
    const order = await this.byId(id, owner);
    if (!order) return { outcome: 'not-found' };
    if (confirmed) return { outcome: 'confirmed', order };
    if (order.status === CONFIRMED) return { outcome: 'already-confirmed', order };
    return { outcome: 'expired' };
  }

  async expiring(cutoffMs: number, limit: number): Promise<ordersV1.Order[]> {
    const due = await this.db
      .selectFrom('orders')
      .select('id')
      .where('status', '=', PENDING)
      .where('create_time_ms', '<=', cutoffMs)
      .where((eb) => eb.or([eb('expiry', 'is', null), eb('expiry', '=', 'expired')]))
      .orderBy('create_time_ms')
      .limit(limit)
      .execute();
    return this.withItems(
      this.db,
      due.map((row) => row.id),
    );
  }

  async markExpired(id: string): Promise<boolean> {
    const marked = await this.db
      .updateTable('orders')
      .set({ expiry: sql<'expired' | 'released'>`coalesce(${sql.ref('expiry')}, 'expired')` })
      .where('id', '=', id)
      .where('status', '=', PENDING)
      .returning('id')
      .executeTakeFirst();
    return marked !== undefined;
  }

  async markReleased(id: string): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({ expiry: 'released' })
      .where('id', '=', id)
      .where('expiry', 'is not', null)
      .execute();
  }

  /** The orders with these ids (in this order, `owner`'s only when given), each with its lines. */
  private async withItems(
    db: Db,
    ids: readonly string[],
    owner?: string,
  ): Promise<ordersV1.Order[]> {
    if (ids.length === 0) return [];
    const [rows, lines] = await Promise.all([
      db
        .selectFrom('orders')
        .select(ORDER_COLUMNS)
        .where('id', 'in', [...ids])
        .$if(owner !== undefined, (select) => select.where('owner', '=', owner as string))
        .execute(),
      db
        .selectFrom('order_lines')
        .select(['order_id', 'product_id', 'quantity', 'unit_price_cents'])
        .where('order_id', 'in', [...ids])
        .orderBy('order_id')
        .orderBy('position')
        .execute(),
    ]);
    const itemsOf = new Map<string, ordersV1.OrderItem[]>();
    for (const line of lines) {
      const items = itemsOf.get(line.order_id) ?? [];
      items.push({
        productId: line.product_id,
        quantity: line.quantity,
        unitPriceCents: int(line.unit_price_cents),
      });
      itemsOf.set(line.order_id, items);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          id: row.id,
          status: row.status,
          items: itemsOf.get(id) ?? [],
          totalCents: int(row.total_cents),
          currency: row.currency,
          createTimeUnixMs: int(row.create_time_ms),
        },
      ];
    });
  }
}
