import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@junction/contracts';
import { productsNotFound } from './inventory.errors';
import { InventoryStore, type StockRecord } from './inventory.store';

const toLevel = ({ productId, onHand, reserved }: StockRecord): inventoryV1.StockLevel => ({
  productId,
  onHand,
  reserved,
  available: onHand - reserved,
});

/** Reading stock. Inputs arrive validated in shape; rules live here. */
@Injectable()
export class StockLevels {
  constructor(private readonly store: InventoryStore) {}

  /** One level per requested id, in request order; NOT_FOUND names every unknown id. */
  async get(productIds: readonly string[]): Promise<inventoryV1.StockLevel[]> {
    const stock = await this.store.stockOf(productIds);
    const levels: inventoryV1.StockLevel[] = [];
    const missing: string[] = [];
    for (const productId of productIds) {
      const record = stock.get(productId);
      if (record) levels.push(toLevel(record));
      else missing.push(productId);
    }
    if (missing.length > 0) throw productsNotFound(missing);
    return levels;
  }
}
