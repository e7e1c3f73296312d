import { Module, type DynamicModule } from '@nestjs/common';
import { CATALOG_CACHE_SETTINGS, CatalogReads, type CatalogCacheSettings } from './catalog-reads';
import { DegradedAnswers } from '../shared/degraded-answers';
import { ProductDetailsAggregator } from './product-details.aggregator';
import { ProductListAggregator } from './product-list.aggregator';
import { ProductsController } from './products.controller';

@Module({})
export class ProductsModule {
  static register(cache: CatalogCacheSettings): DynamicModule {
    return {
      module: ProductsModule,
      controllers: [ProductsController],
      providers: [
        { provide: CATALOG_CACHE_SETTINGS, useValue: cache },
        CatalogReads,
        DegradedAnswers,
        ProductDetailsAggregator,
        ProductListAggregator,
      ],
    };
  }
}
