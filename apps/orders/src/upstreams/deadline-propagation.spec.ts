import {
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceDefinition as GrpcServiceDefinition,
} from '@grpc/grpc-js';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { loadConfig } from '@junction/config';
import { catalogV1, inventoryV1 } from '@junction/contracts';
import { toPackageDefinition } from '@junction/grpc-server';
import { withDeadline } from '@junction/resilience';
import { ordersConfigSchema } from '../config/orders.config';
import { OrdersController } from '../grpc/orders.controller';
import { OrdersModule } from '../orders.module';

const PORT = 23060;

/** Catalog and inventory in one fake server; inventory notes each Reserve's deadline. */
async function startUpstreams(reserveDeadlines: number[]): Promise<Server> {
  const server = new Server();
  const definition = toPackageDefinition([
    catalogV1.CatalogServiceDefinition,
    inventoryV1.InventoryServiceDefinition,
  ]);
  server.addService(
    definition[catalogV1.CatalogServiceDefinition.fullName] as GrpcServiceDefinition,
    {
      BatchGetProducts: (
        call: ServerUnaryCall<catalogV1.BatchGetProductsRequest, unknown>,
        reply: sendUnaryData<catalogV1.BatchGetProductsResponse>,
      ) =>
        reply(null, {
          products: call.request.ids.map((id) => ({
            id,
            name: id,
            description: '',
            priceCents: 100,
            currency: 'EUR',
          })),
          missingIds: [],
        }),
    },
  );
  server.addService(
    definition[inventoryV1.InventoryServiceDefinition.fullName] as GrpcServiceDefinition,
    {
      Reserve: (
        call: ServerUnaryCall<inventoryV1.ReserveRequest, unknown>,
        reply: sendUnaryData<inventoryV1.ReserveResponse>,
      ) => {
        reserveDeadlines.push(Number(call.getDeadline()));
        reply(null, { orderId: call.request.orderId, items: [] });
      },
    },
  );
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${PORT}`, ServerCredentials.createInsecure(), (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  return server;
}

// The server side (libs/grpc-server's deadline interceptor) puts the inbound
// call's deadline in the context; here the handler runs in such a context
// and its calls must carry it on.
describe("orders' upstream calls", () => {
  const manager = new AsyncLocalStorageContextManager();
  const reserveDeadlines: number[] = [];
  let upstreams: Server;
  let app: INestApplicationContext;

  beforeAll(async () => {
    context.setGlobalContextManager(manager.enable());
    upstreams = await startUpstreams(reserveDeadlines);
    const address = `127.0.0.1:${PORT}`;
    const config = loadConfig(ordersConfigSchema, {
      DISCOVERY: 'static',
      UPSTREAM_CATALOG: address,
      UPSTREAM_INVENTORY: address,
      UPSTREAM_TIMEOUT_MS: '5000',
    });
    app = await NestFactory.createApplicationContext(OrdersModule.register(config), {
      logger: false,
    });
  });
  afterAll(async () => {
    await app?.close();
    upstreams?.forceShutdown();
    context.disable();
  });

  it("keep the inbound call's deadline, not their own longer timeout", async () => {
    const inbound = Date.now() + 700;
    const order = await context.with(withDeadline(context.active(), inbound), () =>
      app.get(OrdersController).createOrder({
        idempotencyKey: 'deadline-propagation-1',
        items: [{ productId: '1', quantity: 1 }],
      }),
    );
    expect(order.order?.status).toBeDefined();
    expect(reserveDeadlines).toHaveLength(1);
    // grpc-timeout travels in whole milliseconds: allow the rounding.
    expect(reserveDeadlines[0]).toBeLessThanOrEqual(inbound + 5);
    expect(reserveDeadlines[0]).toBeGreaterThan(inbound - 700);
  });
});
