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
import { asCaller } from '@junction/grpc-server/testing';
import { Registry } from '@junction/metrics';
import { withDeadline } from '@junction/resilience';
import { ordersConfigSchema } from '../config/orders.config';
import { OrdersController } from '../grpc/orders.controller';
import { OrdersModule } from '../orders.module';
import { ordersDatabasePerTest, withServiceDatabase } from '../testing/orders-database.fixture';
import { ordersMetrics } from './orders-metrics';

const PORT = 23060;
const CALLER = { subject: 'alice', scopes: ['orders'], kind: 'api-key' as const };

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
  const database = ordersDatabasePerTest();
  const manager = new AsyncLocalStorageContextManager();
  const reserveDeadlines: number[] = [];
  const registry = new Registry();
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
    app = await NestFactory.createApplicationContext(
      withServiceDatabase(OrdersModule.register(config, ordersMetrics(registry)), database.db),
      {
        logger: false,
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    upstreams?.forceShutdown();
    context.disable();
  });

  it("keep the inbound call's deadline, not their own longer timeout", async () => {
    const inbound = Date.now() + 700;
    const order = await context.with(withDeadline(context.active(), inbound), () =>
      asCaller(CALLER, () =>
        app.get(OrdersController).createOrder({
          idempotencyKey: 'deadline-propagation-1',
          items: [{ productId: '1', quantity: 1 }],
        }),
      ),
    );
    expect(order.order?.status).toBeDefined();
    expect(reserveDeadlines).toHaveLength(1);
    // grpc-timeout travels in whole milliseconds: allow the rounding.
    expect(reserveDeadlines[0]).toBeLessThanOrEqual(inbound + 5);
    expect(reserveDeadlines[0]).toBeGreaterThan(inbound - 700);
  });

  it('are timed per upstream, method and status, and their forced breakers shown as auto', async () => {
    const samples = async (name: string) =>
      (await registry.getSingleMetric(name)!.get()).values.filter(
        (v) => !('le' in v.labels) && (v as { metricName?: string }).metricName?.endsWith('_count'),
      );
    await context.with(withDeadline(context.active(), Date.now() + 2_000), () =>
      asCaller(CALLER, () =>
        app.get(OrdersController).createOrder({
          idempotencyKey: 'metrics-1',
          items: [{ productId: '1', quantity: 1 }],
        }),
      ),
    );
    expect(await samples('rpc_client_call_duration_seconds')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          labels: {
            rpc_system: 'grpc',
            rpc_service: 'inventory.v1.InventoryService',
            rpc_method: 'Reserve',
            rpc_response_status_code: 'OK',
            peer_service: 'inventory',
          },
        }),
        expect.objectContaining({
          labels: expect.objectContaining({
            rpc_method: 'BatchGetProducts',
            peer_service: 'catalog',
          }),
        }),
      ]),
    );
    const forced = (await registry.getSingleMetric('junction_upstream_breaker_forced')!.get())
      .values;
    expect(forced).toContainEqual({
      labels: { upstream: 'inventory', method: 'Reserve' },
      value: 0,
    });
    expect(forced).toContainEqual({
      labels: { upstream: 'catalog', method: 'GetProduct' },
      value: 0,
    });
  });
});
