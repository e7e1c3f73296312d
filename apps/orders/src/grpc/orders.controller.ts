import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { ordersV1 } from '@junction/contracts';
import { principalOf } from '@junction/auth';
import { callerIdentity, parseRequest, type GrpcHandlers } from '@junction/grpc-server';
import { OrderLifecycle } from '../domain/order-lifecycle.use-case';
import { OrderPlacement } from '../domain/order-placement.use-case';
import { confirmOrderRequest, createOrderRequest, getOrderRequest } from './orders.requests';

const SERVICE = ordersV1.OrdersServiceDefinition.name;

/**
 * Whose orders a call acts on. Until the gateway signs its callers
 * (issue 13, next step) calls come without one and share the owner ''; then
 * this becomes requireCaller(), and a call without a caller is refused.
 */
const ownerOfCall = (): string => {
  const identity = callerIdentity();
  return identity ? principalOf(identity) : '';
};

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
    const principal = ownerOfCall();
    const { idempotencyKey, items } = parseRequest(createOrderRequest, request);
    return this.placement.place(idempotencyKey, items, principal);
  }

  @GrpcMethod(SERVICE, 'ConfirmOrder')
  async confirmOrder(
    request: ordersV1.ConfirmOrderRequest,
  ): Promise<ordersV1.ConfirmOrderResponse> {
    const principal = ownerOfCall();
    const { id } = parseRequest(confirmOrderRequest, request);
    return { order: await this.lifecycle.confirm(id, principal) };
  }

  @GrpcMethod(SERVICE, 'GetOrder')
  async getOrder(request: ordersV1.GetOrderRequest): Promise<ordersV1.GetOrderResponse> {
    const principal = ownerOfCall();
    const { id } = parseRequest(getOrderRequest, request);
    return { order: await this.lifecycle.get(id, principal) };
  }
}
