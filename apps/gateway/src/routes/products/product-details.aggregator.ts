import { Inject, Injectable } from '@nestjs/common';
import type { catalogV1 } from '@junction/contracts';
import {
  CATALOG,
  INVENTORY,
  REVIEWS,
  type CatalogClient,
  type InventoryClient,
  type ReviewsClient,
} from '../../upstreams/upstream.tokens';
import { optionalSection } from './optional-section';
import type { ProductDetailsView, StockView } from './product.views';

type CatalogPort = Pick<CatalogClient, 'getProduct'>;
type InventoryPort = Pick<InventoryClient, 'getStock'>;
type ReviewsPort = Pick<ReviewsClient, 'getSummary'>;

/**
 * One product page from three services called in parallel. The catalog is
 * essential (its error is the answer); stock and reviews are optional and
 * degrade to null.
 */
@Injectable()
export class ProductDetailsAggregator {
  constructor(
    @Inject(CATALOG) private readonly catalog: CatalogPort,
    @Inject(INVENTORY) private readonly inventory: InventoryPort,
    @Inject(REVIEWS) private readonly reviews: ReviewsPort,
  ) {}

  async details(id: string): Promise<ProductDetailsView> {
    const [product, stock, summary] = await Promise.allSettled([
      this.catalog.getProduct({ id }),
      this.inventory.getStock({ productIds: [id] }),
      // Keyed by product so its reviews stay in one instance's cache.
      this.reviews.getSummary({ productId: id }, { routingKey: id }),
    ]);
    if (product.status === 'rejected') throw product.reason;
    const degraded: string[] = [];
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
