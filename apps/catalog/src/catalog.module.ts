import { Module } from '@nestjs/common';
import { InMemoryProductRepository } from './data/in-memory-product.repository';
import { seedProducts } from './data/product.seed';
import { ProductCatalog } from './domain/product-catalog';
import { ProductRepository } from './domain/product.repository';
import { CatalogController } from './grpc/catalog.controller';

@Module({
  controllers: [CatalogController],
  providers: [
    ProductCatalog,
    { provide: ProductRepository, useFactory: () => new InMemoryProductRepository(seedProducts()) },
  ],
})
export class CatalogModule {}
