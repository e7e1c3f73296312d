import type { catalogV1 } from '@junction/contracts';
import type { GrpcClient } from '@junction/grpc-client';
import { PriceList, type Price } from '../domain/price-list.port';
import { upstreamFailure } from './upstream-failure';

export type CatalogClient = Pick<
  GrpcClient<catalogV1.CatalogServiceDefinition>,
  'batchGetProducts'
>;

/** Prices from the catalog, in one BatchGetProducts call. */
export class CatalogPriceList extends PriceList {
  constructor(private readonly catalog: CatalogClient) {
    super();
  }

  async prices(productIds: readonly string[]): Promise<ReadonlyMap<string, Price>> {
    let response: catalogV1.BatchGetProductsResponse;
    try {
      response = await this.catalog.batchGetProducts({ ids: [...productIds] });
    } catch (error) {
      throw upstreamFailure('catalog', error);
    }
    return new Map(
      response.products.map((product) => [
        product.id,
        { unitPriceCents: product.priceCents, currency: product.currency },
      ]),
    );
  }
}
