import { Injectable } from '@nestjs/common';
import type { catalogV1 } from '@junction/contracts';
import { invalidArgument, notFound } from '@junction/grpc-server';
import { decodePageToken, encodePageToken } from './page-token';
import { ProductRepository } from './product.repository';

export const DEFAULT_PAGE_SIZE = 20;

/** The catalog's use cases. Inputs arrive validated in shape; rules live here. */
@Injectable()
export class ProductCatalog {
  constructor(private readonly products: ProductRepository) {}

  get(id: string): catalogV1.Product {
    const product = this.products.byId(id);
    if (!product) throw notFound(`product ${id} not found`, 'PRODUCT_NOT_FOUND');
    return product;
  }

  list(pageSize: number, pageToken: string): catalogV1.ListProductsResponse {
    const offset = pageToken === '' ? 0 : decodePageToken(pageToken);
    if (offset === undefined)
      throw invalidArgument('page_token: not a token this service issued', 'INVALID_PAGE_TOKEN');
    const limit = pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize;
    const { products, total } = this.products.page(offset, limit);
    const next = offset + products.length;
    return { products, nextPageToken: next < total ? encodePageToken(next) : '' };
  }

  batchGet(ids: readonly string[]): catalogV1.BatchGetProductsResponse {
    const products: catalogV1.Product[] = [];
    const missingIds: string[] = [];
    for (const id of ids) {
      const product = this.products.byId(id);
      if (product) products.push(product);
      else missingIds.push(id);
    }
    return { products, missingIds };
  }
}
