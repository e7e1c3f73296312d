import { Inject, Injectable } from '@nestjs/common';
import type { catalogV1 } from '@junction/contracts';
import type { GrpcCallError } from '@junction/grpc-client';
import { LastGoodCache } from '@junction/resilience';
import { GatewayRuntimeConfig } from '../../runtime-config/gateway-runtime';
import { InjectUpstream, type UpstreamClient } from '../../upstreams/upstream.tokens';

export interface CatalogCacheSettings {
  /** Default for the oldest copy served; runtime config may change it. */
  readonly staleMaxAgeMs: number;
  readonly staleMaxEntries: number;
}
export const CATALOG_CACHE_SETTINGS = Symbol('CATALOG_CACHE_SETTINGS');

/** A catalog answer, and whether it is a stale copy served because the catalog failed. */
export interface CatalogRead<T> {
  readonly value: T;
  readonly stale: boolean;
}

/**
 * The catalog is essential to every product answer, so its reads fall back
 * to the last good copy (stale-if-error) before failing. Copies are kept per
 * request; business answers (NOT_FOUND, a bad page token) are never replaced.
 */
@Injectable()
export class CatalogReads {
  private readonly cache: LastGoodCache<unknown>;

  constructor(
    @InjectUpstream('catalog')
    private readonly catalog: Pick<UpstreamClient<'catalog'>, 'getProduct' | 'listProducts'>,
    runtime: GatewayRuntimeConfig,
    @Inject(CATALOG_CACHE_SETTINGS) settings: CatalogCacheSettings,
  ) {
    this.cache = new LastGoodCache({
      maxEntries: settings.staleMaxEntries,
      maxAgeMs: () => runtime.catalogStaleMaxAgeMs(settings.staleMaxAgeMs),
    });
  }

  getProduct(id: string): Promise<CatalogRead<catalogV1.GetProductResponse>> {
    return this.read(`product/${id}`, (fallback) => this.catalog.getProduct({ id }, { fallback }));
  }

  listProducts(
    request: catalogV1.ListProductsRequest,
  ): Promise<CatalogRead<catalogV1.ListProductsResponse>> {
    const key = `page/${request.pageSize}/${request.pageToken}`;
    return this.read(key, (fallback) => this.catalog.listProducts(request, { fallback }));
  }

  private async read<T>(
    key: string,
    call: (fallback: (error: GrpcCallError) => T) => Promise<T>,
  ): Promise<CatalogRead<T>> {
    let stale = false;
    const value = await call((error) => {
      const copy = this.cache.recall(key);
      if (!copy) throw error;
      stale = true;
      return copy.value as T;
    });
    if (!stale) this.cache.remember(key, value);
    return { value, stale };
  }
}
