import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@junction/contracts';
import { productsNotFound } from './inventory.errors';
import { StockRepository, type StockRecord } from './stock.repository';

const toLevel = ({ productId, onHand, reserved }: StockRecord): inventoryV1.StockLevel => ({
  productId,
  onHand,
  reserved,
  available: onHand - reserved,
});

/** Reading stock. Inputs arrive validated in shape; rules live here. */
@Injectable()
export class StockLevels {
  constructor(private readonly stock: StockRepository) {}

  /** One level per requested id, in request order; NOT_FOUND names every unknown id. */
  get(productIds: readonly string[]): inventoryV1.StockLevel[] {
    const levels: inventoryV1.StockLevel[] = [];
    const missing: string[] = [];
    for (const productId of productIds) {
      const record = this.stock.byId(productId);
      if (record) levels.push(toLevel(record));
      else missing.push(productId);
    }
    if (missing.length > 0) throw productsNotFound(missing);
    return levels;
  }
}
