import { Logger } from '@nestjs/common';
import type { inventoryV1 } from '@junction/contracts';
import { GrpcCallError, GrpcStatus, type GrpcClient } from '@junction/grpc-client';
import { failedPrecondition, notFound } from '@junction/grpc-server';
import type { OrderLine } from '../domain/order-lines';
import { StockReservations } from '../domain/stock-reservations.port';
import { upstreamFailure } from './upstream-failure';

export type InventoryClient = Pick<
  GrpcClient<inventoryV1.InventoryServiceDefinition>,
  'reserve' | 'release'
>;

/**
 * Codes with which inventory refused the call outright, so it reserved
 * nothing. After any other failure (a timeout, a dropped connection) the
 * reservation may have gone through.
 */
const REFUSED = new Set<GrpcStatus>([
  GrpcStatus.INVALID_ARGUMENT,
  GrpcStatus.NOT_FOUND,
  GrpcStatus.ALREADY_EXISTS,
  GrpcStatus.FAILED_PRECONDITION,
  GrpcStatus.OUT_OF_RANGE,
  GrpcStatus.PERMISSION_DENIED,
  GrpcStatus.UNAUTHENTICATED,
  GrpcStatus.UNIMPLEMENTED,
]);

/** Reservations in inventory, keyed by order id (Reserve is idempotent per id). */
export class InventoryStockReservations extends StockReservations {
  private readonly logger = new Logger(InventoryStockReservations.name);

  constructor(private readonly inventory: InventoryClient) {
    super();
  }

  async reserve(orderId: string, lines: readonly OrderLine[]): Promise<void> {
    const items = lines.map(({ productId, quantity }) => ({ productId, quantity }));
    try {
      await this.inventory.reserve({ orderId, items });
    } catch (error) {
      // A failed order reserves nothing. When the outcome is unknown, give
      // back whatever may have been reserved (Release of nothing is a no-op),
      // in the background: the caller need not wait on a struggling upstream.
      // Never after a refusal: ALREADY_EXISTS means the id is someone else's.
      if (error instanceof GrpcCallError && !REFUSED.has(error.code)) {
        void this.releaseQuietly(orderId);
      }
      throw reserveFailure(error);
    }
  }

  async release(orderId: string): Promise<void> {
    try {
      await this.inventory.release({ orderId });
    } catch (error) {
      throw upstreamFailure('inventory', error);
    }
  }

  private async releaseQuietly(orderId: string): Promise<void> {
    try {
      await this.inventory.release({ orderId });
    } catch (error) {
      this.logger.warn(
        `order ${orderId} may hold stock: release failed: ${(error as Error).message}`,
      );
    }
  }
}

/**
 * Reserve's business answers reach the caller with inventory's message and
 * reason: per its contract FAILED_PRECONDITION means short stock (so that is
 * the reason when inventory gives none) and NOT_FOUND an unknown product.
 * Everything else is UNAVAILABLE, details logged, not passed on.
 */
function reserveFailure(error: unknown): unknown {
  if (error instanceof GrpcCallError) {
    if (error.code === GrpcStatus.FAILED_PRECONDITION) {
      return failedPrecondition(error.publicDetail, error.reason ?? 'INSUFFICIENT_STOCK');
    }
    if (error.code === GrpcStatus.NOT_FOUND) {
      return notFound(error.publicDetail, error.reason ?? 'PRODUCT_NOT_FOUND');
    }
  }
  return upstreamFailure('inventory', error);
}
