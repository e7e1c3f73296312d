import { Logger } from '@nestjs/common';
import { Clock } from './clock';
import { OrderRepository } from './order.repository';
import { StockReservations } from './stock-reservations.port';

export interface ReservationExpirySettings {
  /** How long a PENDING order keeps its reservation (ORDER_RESERVATION_TTL_MS). */
  readonly ttlMs: number;
  /** At most this many orders per sweep, so one sweep stays short. */
  readonly batchSize: number;
}

export interface SweepResult {
  /** Orders whose stock went back to inventory in this sweep. */
  readonly released: readonly string[];
  /** Expired, but inventory could not be reached: retried next sweep. */
  readonly failed: readonly string[];
}

/**
 * Releases the reservations of PENDING orders not confirmed within the TTL.
 * Each order is first marked expired (from then on ConfirmOrder refuses it
 * with ORDER_EXPIRED), then its stock is released; a confirm that won the
 * race leaves the order alone. A release that fails leaves the order marked
 * and is retried by the next sweep (Release is idempotent per order id).
 */
export class ReservationExpiry {
  private readonly logger = new Logger(ReservationExpiry.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly stock: StockReservations,
    private readonly clock: Clock,
    private readonly settings: ReservationExpirySettings,
  ) {}

  /** One pass; stops between orders once `signal` aborts (leadership lost). */
  async sweep(signal?: AbortSignal): Promise<SweepResult> {
    const cutoff = this.clock.now() - this.settings.ttlMs;
    const due = await this.orders.expiring(cutoff, this.settings.batchSize);
    const released: string[] = [];
    const failed: string[] = [];
    for (const order of due) {
      if (signal?.aborted) break;
      if (!(await this.orders.markExpired(order.id))) continue;
      try {
        await this.stock.release(order.id);
        await this.orders.markReleased(order.id);
        released.push(order.id);
      } catch (error) {
        failed.push(order.id);
        this.logger.warn(
          `order ${order.id} expired but its stock could not be released yet: ${(error as Error).message}`,
        );
      }
    }
    return { released, failed };
  }
}
