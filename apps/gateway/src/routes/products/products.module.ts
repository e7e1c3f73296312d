import { Module } from '@nestjs/common';
import { ProductDetailsAggregator } from './product-details.aggregator';
import { ProductListAggregator } from './product-list.aggregator';
import { ProductsController } from './products.controller';

@Module({
  controllers: [ProductsController],
  providers: [ProductDetailsAggregator, ProductListAggregator],
})
export class ProductsModule {}
