import { Injectable } from '@nestjs/common';
import type { catalogV1 } from '@junction/contracts';
import { InjectUpstream, type UpstreamClient } from '../../upstreams/upstream.tokens';
import { CatalogReads } from './catalog-reads';
import { optionalSection } from '../shared/optional-section';
import type { ProductDetailsView, StockView } from './product.views';

type InventoryPort = Pick<UpstreamClient<'inventory'>, 'getStock'>;
type ReviewsPort = Pick<UpstreamClient<'reviews'>, 'getSummary'>;

/**
 * One product page from three services called in parallel. The catalog is
 * essential (its error is the answer, unless a recent copy can stand in);
 * stock and reviews are optional and degrade to null.
 */
@Injectable()
export class ProductDetailsAggregator {
  constructor(
    private readonly catalog: CatalogReads,
    @InjectUpstream('inventory') private readonly inventory: InventoryPort,
    @InjectUpstream('reviews') private readonly reviews: ReviewsPort,
  ) {}

  async details(id: string): Promise<ProductDetailsView> {
    const optional = Promise.allSettled([
      this.inventory.getStock({ productIds: [id] }),
      // Keyed by product so its reviews stay in one instance's cache.
      this.reviews.getSummary({ productId: id }, { routingKey: id }),
    ]);
    // Without the catalog there is no answer: fail at once, not when the
    // optional calls (which allSettled keeps from rejecting) are done.
    const product = await this.catalog.getProduct(id);
    const [stock, summary] = await optional;
    // A stale copy is still an answer, but not a fresh one: say so.
    const degraded = product.stale ? ['catalog'] : [];
    const levels = optionalSection(stock, 'inventory', degraded);
    const reviews = optionalSection(summary, 'reviews', degraded);
    return {
      ...productFields(product.value.product),
      stock: levels ? stockOf(levels.levels[0]) : null,
      rating: reviews ? { average: reviews.averageRating, count: reviews.count } : null,
      topReviews: reviews
        ? reviews.topReviews.map(({ id, author, rating, title, body }) => ({
            id,
            author,
            rating,
            title,
            body,
          }))
        : null,
      degraded,
    };
  }
}

export const productFields = (product: catalogV1.Product | undefined) => {
  if (!product) throw new Error('catalog answered without a product');
  const { id, name, description, priceCents, currency } = product;
  return { id, name, description, priceCents, currency };
};

export const stockOf = (level: { available: number } | undefined): StockView | null =>
  level ? { available: level.available } : null;
