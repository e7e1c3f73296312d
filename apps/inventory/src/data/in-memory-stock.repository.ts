import { StockRepository, type StockRecord } from '../domain/stock.repository';

/** Stock held in memory, by product id. */
export class InMemoryStockRepository extends StockRepository {
  private readonly records: Map<string, StockRecord>;

  constructor(seed: readonly StockRecord[]) {
    super();
    this.records = new Map(seed.map((record) => [record.productId, { ...record }]));
  }

  byId(productId: string): StockRecord | undefined {
    return this.records.get(productId);
  }

  addReserved(productId: string, delta: number): void {
    const record = this.records.get(productId);
    if (!record) throw new Error(`no stock record for product ${productId}`);
    const reserved = record.reserved + delta;
    // The use cases check before they reserve; getting here means a bug, and
    // failing loudly beats serving negative or overdrawn stock.
    if (reserved < 0 || reserved > record.onHand) {
      throw new Error(
        `reserved for product ${productId} would be ${reserved} of ${record.onHand} on hand`,
      );
    }
    this.records.set(productId, { ...record, reserved });
  }
}
