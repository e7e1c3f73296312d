import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock';
import { IdempotencyKeys, type KeyClaim } from '../domain/idempotency-keys.port';
import type { OrdersTables } from './orders.tables';

export interface IdempotencyKeySettings {
  /** How long a key stays bound to its order after it was claimed. */
  readonly ttlMs: number;
  /** How long a claim may stay 'creating' before another request may take it over. */
  readonly claimLeaseMs: number;
}

/** Postgres's unique_violation. */
const UNIQUE_VIOLATION = '23505';
const ID_ATTEMPTS = 3;

const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;

/**
 * Keys in orders.idempotency_keys. Every decision is one statement that
 * either wins or sees the winner's row, so concurrent requests with one key
 * on any number of instances agree on one order.
 */
export class SqlIdempotencyKeys extends IdempotencyKeys {
  constructor(
    private readonly db: Kysely<OrdersTables>,
    private readonly clock: Clock,
    private readonly settings: IdempotencyKeySettings,
  ) {
    super();
  }

  async claim(key: string, fingerprint: string, newOrderId: () => string): Promise<KeyClaim> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.claimOnce(key, fingerprint, newOrderId());
      } catch (error) {
        // Another instance issued the same order id (same machine id, same
        // tick): the unique order_id refuses it before anything is reserved.
        if (!isUniqueViolation(error) || attempt >= ID_ATTEMPTS) throw error;
      }
    }
  }

  private async claimOnce(key: string, fingerprint: string, orderId: string): Promise<KeyClaim> {
    const now = this.clock.now();
    // A fresh claim, or the replacement of a key whose binding has expired.
    const fresh = await this.db
      .insertInto('idempotency_keys')
      .values({
        key,
        fingerprint,
        order_id: orderId,
        state: 'creating',
        claimed_at_ms: now,
        expires_at_ms: now + this.settings.ttlMs,
      })
      .onConflict((conflict) =>
        conflict
          .column('key')
          .doUpdateSet((eb) => ({
            fingerprint: eb.ref('excluded.fingerprint'),
            order_id: eb.ref('excluded.order_id'),
            state: eb.ref('excluded.state'),
            claimed_at_ms: eb.ref('excluded.claimed_at_ms'),
            expires_at_ms: eb.ref('excluded.expires_at_ms'),
          }))
          .where('idempotency_keys.expires_at_ms', '<=', now),
      )
      .returning('order_id')
      .executeTakeFirst();
    if (fresh) return { kind: 'claimed', orderId: fresh.order_id, takenOver: false };
    const held = await this.db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'order_id', 'state', 'claimed_at_ms'])
      .where('key', '=', key)
      .executeTakeFirst();
    // Gone between the two statements (abandoned): the next claim decides.
    if (!held) return this.claimOnce(key, fingerprint, orderId);
    if (held.fingerprint !== fingerprint) return { kind: 'reused' };
    if (held.state === 'done') return { kind: 'done', orderId: held.order_id };
    if (Number(held.claimed_at_ms) > now - this.settings.claimLeaseMs) return { kind: 'in-flight' };
    const taken = await this.db
      .updateTable('idempotency_keys')
      .set({ claimed_at_ms: now })
      .where('key', '=', key)
      .where('state', '=', 'creating')
      .where('claimed_at_ms', '=', Number(held.claimed_at_ms))
      .returning('order_id')
      .executeTakeFirst();
    return taken
      ? { kind: 'claimed', orderId: taken.order_id, takenOver: true }
      : { kind: 'in-flight' };
  }

  async complete(key: string, orderId: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ state: 'done' })
      .where('key', '=', key)
      .where('order_id', '=', orderId)
      .execute();
  }

  async abandon(key: string, orderId: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('key', '=', key)
      .where('order_id', '=', orderId)
      .where('state', '=', 'creating')
      .execute();
  }

  async prune(limit: number): Promise<number> {
    const expired = this.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('expires_at_ms', '<=', this.clock.now())
      .limit(limit);
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('key', 'in', expired)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
