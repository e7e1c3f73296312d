/** What claiming an idempotency key for a request came to. */
export type KeyClaim =
  /** The key is this request's now: create the order under `orderId`. */
  | { readonly kind: 'claimed'; readonly orderId: string; readonly takenOver: boolean }
  /** The key already created this order (with the same items): replay it. */
  | { readonly kind: 'done'; readonly orderId: string }
  /** Another request with this key is creating its order right now. */
  | { readonly kind: 'in-flight' }
  /** The key is bound to a different set of items. */
  | { readonly kind: 'reused' };

/**
 * Idempotency keys shared by every orders instance. A key is claimed before
 * anything is reserved, with the order id it will create, and marked done
 * once that order is stored. A claim whose creator died (it is older than
 * the claim lease) is taken over with the same order id, so the retry
 * replays the reservation already made instead of making a second one.
 */
export abstract class IdempotencyKeys {
  /**
   * Claims `key` for a request with `fingerprint`; `newOrderId` is asked for
   * the id of a fresh claim (again if that id was already taken).
   */
  abstract claim(key: string, fingerprint: string, newOrderId: () => string): Promise<KeyClaim>;
  /** The claimed order is stored: the key replays it from now on. */
  abstract complete(key: string, orderId: string): Promise<void>;
  /** The creation failed: the key is free again (for any items). */
  abstract abandon(key: string, orderId: string): Promise<void>;
  /** Forgets up to `limit` keys whose binding has expired; how many it forgot. */
  abstract prune(limit: number): Promise<number>;
}
