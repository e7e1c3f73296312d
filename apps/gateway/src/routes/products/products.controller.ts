import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemView } from '../../edge/problem.view';
import { ListProductsQueryPipe, type ListProductsQuery } from './list-products.query';
import { ProductDetailsAggregator } from './product-details.aggregator';
import { ProductIdPipe } from './product-id.pipe';
import { ProductListAggregator } from './product-list.aggregator';
import { ProductDetailsView, ProductPageView } from './product.views';

/** Names the missing sections of a degraded answer, for caches and clients. */
const markDegraded = (reply: FastifyReply, degraded: readonly string[]) => {
  if (degraded.length > 0) void reply.header('x-degraded', degraded.join(','));
};

@ApiTags('products')
@Controller('api/v1/products')
export class ProductsController {
  constructor(
    private readonly details: ProductDetailsAggregator,
    private readonly list: ProductListAggregator,
  ) {}

  @Get()
  @ApiQuery({
    name: 'pageSize',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  })
  @ApiQuery({
    name: 'pageToken',
    required: false,
    description: 'nextPageToken of the previous page',
  })
  @ApiOkResponse({ type: ProductPageView })
  @ApiResponse({ status: 400, type: ProblemView, description: 'Bad pageSize or pageToken' })
  async listProducts(
    @Query(ListProductsQueryPipe) query: ListProductsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductPageView> {
    const page = await this.list.page(query);
    markDegraded(reply, page.degraded);
    return page;
  }

  @Get(':id')
  @ApiOkResponse({
    type: ProductDetailsView,
    description: 'Partial answers list their missing sections in `degraded`.',
  })
  @ApiResponse({ status: 400, type: ProblemView, description: 'Malformed product id' })
  @ApiResponse({ status: 404, type: ProblemView, description: 'No such product' })
  async getProduct(
    @Param('id', ProductIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductDetailsView> {
    const product = await this.details.details(id);
    markDegraded(reply, product.degraded);
    return product;
  }
}
