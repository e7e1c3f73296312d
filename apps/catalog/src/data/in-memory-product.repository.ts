import type { catalogV1 } from '@junction/contracts';
import { ProductRepository } from '../domain/product.repository';

/** Products held in memory, in id order. */
export class InMemoryProductRepository extends ProductRepository {
  private readonly byKey: ReadonlyMap<string, catalogV1.Product>;

  constructor(private readonly ordered: readonly catalogV1.Product[]) {
    super();
    this.byKey = new Map(ordered.map((p) => [p.id, p]));
  }

  byId(id: string): catalogV1.Product | undefined {
    return this.byKey.get(id);
  }

  page(offset: number, limit: number) {
    return { products: this.ordered.slice(offset, offset + limit), total: this.ordered.length };
  }
}
