import type { catalogV1 } from '@junction/contracts';

/** Where products come from; the use cases declare what they need. */
export abstract class ProductRepository {
  abstract byId(id: string): catalogV1.Product | undefined;
  /** Products in id order starting at `offset`. */
  abstract page(offset: number, limit: number): { products: catalogV1.Product[]; total: number };
}
