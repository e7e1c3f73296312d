/** A product's stock as stored; `available` is derived from it, never stored. */
export interface StockRecord {
  readonly productId: string;
  readonly onHand: number;
  readonly reserved: number;
}

/** Where stock levels live; the use cases declare what they need. */
export abstract class StockRepository {
  abstract byId(productId: string): StockRecord | undefined;
  /** Adds `delta` to a known product's reserved count (negative to give stock back). */
  abstract addReserved(productId: string, delta: number): void;
}
