import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../../edge/auth/route-access.decorator';
import { EdgeResponses } from '../../edge/edge-responses.decorator';
import { ProblemView } from '../../edge/problem.view';
import { DegradedAnswers } from '../shared/degraded-answers';
import { ListProductsQueryPipe, type ListProductsQuery } from './list-products.query';
import { ProductDetailsAggregator } from './product-details.aggregator';
import { ProductIdPipe } from './product-id.pipe';
import { ProductListAggregator } from './product-list.aggregator';
import { ProductDetailsView, ProductPageView } from './product.views';

@ApiTags('products')
@EdgeResponses()
@Controller('api/v1/products')
export class ProductsController {
  constructor(
    private readonly details: ProductDetailsAggregator,
    private readonly list: ProductListAggregator,
    private readonly degraded: DegradedAnswers,
  ) {}

  @Get()
  @PublicRoute()
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
    this.degraded.mark(reply, 'GET /api/v1/products', page.degraded);
    return page;
  }

  @Get(':id')
  @PublicRoute()
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
    this.degraded.mark(reply, 'GET /api/v1/products/:id', product.degraded);
    return product;
  }
}
