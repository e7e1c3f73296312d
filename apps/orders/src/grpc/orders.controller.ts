import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { ordersV1 } from '@junction/contracts';
import { parseRequest, requireCaller, type GrpcHandlers } from '@junction/grpc-server';
import { OrderLifecycle } from '../domain/order-lifecycle.use-case';
import { OrderPlacement } from '../domain/order-placement.use-case';
import { confirmOrderRequest, createOrderRequest, getOrderRequest } from './orders.requests';

const SERVICE = ordersV1.OrdersServiceDefinition.name;

/**
 * gRPC transport for orders: validate, then hand to the use cases, for the
 * gateway-verified caller (every order is its owner's; no caller, no order).
 */
@Controller()
export class OrdersController implements GrpcHandlers<ordersV1.OrdersServiceDefinition> {
  constructor(
    private readonly placement: OrderPlacement,
    private readonly lifecycle: OrderLifecycle,
  ) {}

  @GrpcMethod(SERVICE, 'CreateOrder')
  async createOrder(request: ordersV1.CreateOrderRequest): Promise<ordersV1.CreateOrderResponse> {
    const { principal } = requireCaller();
    const { idempotencyKey, items } = parseRequest(createOrderRequest, request);
    return this.placement.place(idempotencyKey, items, principal);
  }

  @GrpcMethod(SERVICE, 'ConfirmOrder')
  async confirmOrder(
    request: ordersV1.ConfirmOrderRequest,
  ): Promise<ordersV1.ConfirmOrderResponse> {
    const { principal } = requireCaller();
    const { id } = parseRequest(confirmOrderRequest, request);
    return { order: await this.lifecycle.confirm(id, principal) };
  }

  @GrpcMethod(SERVICE, 'GetOrder')
  async getOrder(request: ordersV1.GetOrderRequest): Promise<ordersV1.GetOrderResponse> {
    const { principal } = requireCaller();
    const { id } = parseRequest(getOrderRequest, request);
    return { order: await this.lifecycle.get(id, principal) };
  }
}
