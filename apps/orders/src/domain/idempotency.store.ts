import type { ordersV1 } from '@junction/contracts';
import { invalidArgument } from '@junction/grpc-server';
import { Clock } from './clock';

export interface IdempotencyLimits {
  /** How long a key stays bound to its order after the order was created. */
  readonly ttlMs: number;
  /** How many bound keys are kept at most; the oldest go first. */
  readonly maxKeys: number;
}

/**
 * 24 h covers any sane client retry window (retries come within minutes);
 * 100,000 keys of at most 255 bytes plus an order each is tens of MB at
 * worst, so a flood of distinct keys cannot exhaust memory. A retry after
 * its key was dropped creates a second order: the price of a bounded store.
 */
export const DEFAULT_IDEMPOTENCY_LIMITS: IdempotencyLimits = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxKeys: 100_000,
};

export interface IdempotentResult {
  readonly order: ordersV1.Order;
  /** True when the key had already created (or is creating) this order. */
  readonly replayed: boolean;
}

interface Bound {
  readonly fingerprint: string;
  readonly order: ordersV1.Order;
  readonly expiresAt: number;
}

interface InFlight {
  readonly fingerprint: string;
  readonly order: Promise<ordersV1.Order>;
}

const keyReused = () =>
  invalidArgument(
    'idempotency_key: already used for a different set of items',
    'IDEMPOTENCY_KEY_REUSED',
  );

/**
 * Binds idempotency keys to the order they created, in memory. A key is
 * bound only once its creation succeeds, so a failed attempt can be retried
 * with the same key. While a creation runs, callers with the same key and
 * items share its promise: one order, however many concurrent retries.
 * In-flight creations need no cap: there is one per concurrent request.
 */
export class IdempotencyStore {
  /** In binding order, which is expiry order, so eviction reads from the front. */
  private readonly bound = new Map<string, Bound>();
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: IdempotencyLimits = DEFAULT_IDEMPOTENCY_LIMITS,
  ) {}

  /**
   * The order bound to `key` if there is one (or one being created), else
   * the order `create` makes, bound to `key` once it succeeds.
   * INVALID_ARGUMENT / IDEMPOTENCY_KEY_REUSED when `key` is bound to other items.
   */
  async run(
    key: string,
    fingerprint: string,
    create: () => Promise<ordersV1.Order>,
  ): Promise<IdempotentResult> {
    this.evictExpired();
    const existing = this.bound.get(key) ?? this.inFlight.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw keyReused();
      return { order: await existing.order, replayed: true };
    }
    // Registered before the first await, so a concurrent call sees it.
    const order = create();
    this.inFlight.set(key, { fingerprint, order });
    try {
      const created = await order;
      this.bind(key, fingerprint, created);
      return { order: created, replayed: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** How many keys are bound (for tests and metrics). */
  get size(): number {
    return this.bound.size;
  }

  private bind(key: string, fingerprint: string, order: ordersV1.Order): void {
    this.bound.set(key, { fingerprint, order, expiresAt: this.clock.now() + this.limits.ttlMs });
    for (const oldest of this.bound.keys()) {
      if (this.bound.size <= this.limits.maxKeys) break;
      this.bound.delete(oldest);
    }
  }

  private evictExpired(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.bound) {
      if (entry.expiresAt > now) break;
      this.bound.delete(key);
    }
  }
}
