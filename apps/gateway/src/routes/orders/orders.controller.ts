import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScopes } from '../../edge/auth/route-access.decorator';
import { EdgeResponses } from '../../edge/edge-responses.decorator';
import { ProblemView } from '../../edge/problem.view';
import { requestValidationPipe } from '../../edge/request-validation.pipe';
import { InjectUpstream, type UpstreamClient } from '../../upstreams/upstream.tokens';
import { CreateOrderBody } from './create-order.body';
import { parseIdempotencyKey } from './idempotency-key';
import { OrderIdPipe } from './order-id.pipe';
import { toOrderView, OrderView } from './order.view';

/** Placing, reading and confirming orders; each order is visible only to whoever placed it. */
const ORDERS_SCOPE = 'orders';

type OrdersPort = Pick<UpstreamClient<'orders'>, 'createOrder' | 'confirmOrder' | 'getOrder'>;

@ApiTags('orders')
@EdgeResponses()
@Controller('api/v1/orders')
export class OrdersController {
  constructor(@InjectUpstream('orders') private readonly orders: OrdersPort) {}

  @Post()
  @RequireScopes(ORDERS_SCOPE)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '1-255 visible ASCII characters, e.g. a UUID',
  })
  @ApiCreatedResponse({
    type: OrderView,
    description: 'Created; 200 with the same order when the key is replayed',
  })
  @ApiResponse({
    status: 400,
    type: ProblemView,
    description: 'Invalid body or missing Idempotency-Key',
  })
  @ApiResponse({ status: 404, type: ProblemView, description: 'Unknown product' })
  @ApiResponse({
    status: 409,
    type: ProblemView,
    description: 'Insufficient stock, or the same key is still being created',
  })
  @ApiResponse({ status: 413, type: ProblemView, description: 'Body over 1 MiB' })
  @ApiResponse({
    status: 422,
    type: ProblemView,
    description: 'Idempotency-Key reused with another body',
  })
  async createOrder(
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Body(requestValidationPipe()) body: CreateOrderBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderView> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    const { order, replayed } = await this.orders.createOrder({
      idempotencyKey,
      items: body.items.map(({ productId, quantity }) => ({ productId, quantity })),
    });
    const view = toOrderView(order);
    void reply.status(replayed ? 200 : 201).header('location', `/api/v1/orders/${view.id}`);
    return view;
  }

  @Post(':id/confirm')
  @RequireScopes(ORDERS_SCOPE)
  @HttpCode(200)
  @ApiOkResponse({ type: OrderView, description: 'Confirmed (confirming twice changes nothing)' })
  @ApiResponse({ status: 400, type: ProblemView, description: 'Malformed order id' })
  @ApiResponse({
    status: 404,
    type: ProblemView,
    description: 'No such order (or one placed by someone else)',
  })
  async confirmOrder(@Param('id', OrderIdPipe) id: string): Promise<OrderView> {
    return toOrderView((await this.orders.confirmOrder({ id })).order);
  }

  @Get(':id')
  @RequireScopes(ORDERS_SCOPE)
  @ApiOkResponse({ type: OrderView })
  @ApiResponse({ status: 400, type: ProblemView, description: 'Malformed order id' })
  @ApiResponse({
    status: 404,
    type: ProblemView,
    description: 'No such order (or one placed by someone else)',
  })
  async getOrder(@Param('id', OrderIdPipe) id: string): Promise<OrderView> {
    return toOrderView((await this.orders.getOrder({ id })).order);
  }
}
