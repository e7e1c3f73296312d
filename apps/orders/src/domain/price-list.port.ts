/** A product's current unit price. */
export interface Price {
  readonly unitPriceCents: number;
  readonly currency: string;
}

/** Where orders get prices (the catalog). Adapters throw StatusError. */
export abstract class PriceList {
  /** Prices of the products that exist; unknown ids are simply absent. */
  abstract prices(productIds: readonly string[]): Promise<ReadonlyMap<string, Price>>;
}
