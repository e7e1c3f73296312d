import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@junction/contracts';
import { parseRequest, type GrpcHandlers } from '@junction/grpc-server';
import { StockLevels } from '../domain/stock-levels';
import { StockReservations } from '../domain/stock-reservations';
import { getStockRequest, releaseRequest, reserveRequest } from './inventory.requests';

const SERVICE = inventoryV1.InventoryServiceDefinition.name;

/** gRPC transport for inventory: validate, then hand to the use cases. */
@Controller()
export class InventoryController implements GrpcHandlers<inventoryV1.InventoryServiceDefinition> {
  constructor(
    private readonly levels: StockLevels,
    private readonly reservations: StockReservations,
  ) {}

  @GrpcMethod(SERVICE, 'GetStock')
  async getStock(request: inventoryV1.GetStockRequest): Promise<inventoryV1.GetStockResponse> {
    const { productIds } = parseRequest(getStockRequest, request);
    return { levels: await this.levels.get(productIds) };
  }

  @GrpcMethod(SERVICE, 'Reserve')
  reserve(request: inventoryV1.ReserveRequest): Promise<inventoryV1.ReserveResponse> {
    const { orderId, items } = parseRequest(reserveRequest, request);
    return this.reservations.reserve(orderId, items);
  }

  @GrpcMethod(SERVICE, 'Release')
  async release(request: inventoryV1.ReleaseRequest): Promise<inventoryV1.ReleaseResponse> {
    const { orderId } = parseRequest(releaseRequest, request);
    return { released: await this.reservations.release(orderId) };
  }
}
