import { Injectable } from '@nestjs/common';
import { InjectUpstream, type UpstreamClient } from '../../upstreams/upstream.tokens';
import { CatalogReads } from './catalog-reads';
import type { ListProductsQuery } from './list-products.query';
import { optionalSection, settle } from '../shared/optional-section';
import { productFields, stockOf } from './product-details.aggregator';
import type { ProductPageView } from './product.views';

type InventoryPort = Pick<UpstreamClient<'inventory'>, 'getStock'>;

/** A page of products with their stock, fetched in one batch call (no N+1). */
@Injectable()
export class ProductListAggregator {
  constructor(
    private readonly catalog: CatalogReads,
    @InjectUpstream('inventory') private readonly inventory: InventoryPort,
  ) {}

  async page({ pageSize, pageToken }: ListProductsQuery): Promise<ProductPageView> {
    const { value: page, stale } = await this.catalog.listProducts({ pageSize, pageToken });
    const degraded = stale ? ['catalog'] : [];
    const ids = page.products.map((p) => p.id);
    const stock =
      ids.length === 0
        ? null
        : optionalSection(
            await settle(this.inventory.getStock({ productIds: ids })),
            'inventory',
            degraded,
          );
    const available = new Map(stock?.levels.map((level) => [level.productId, level]));
    return {
      items: page.products.map((product) => ({
        ...productFields(product),
        stock: stock ? stockOf(available.get(product.id)) : null,
      })),
      nextPageToken: page.nextPageToken,
      degraded,
    };
  }
}
