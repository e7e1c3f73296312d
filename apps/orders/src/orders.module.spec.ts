import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@junction/config';
import { Status } from '@junction/grpc-server';
import { asCaller, statusErrorOf } from '@junction/grpc-server/testing';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { ordersConfigSchema } from './config/orders.config';
import { ExpiryJob } from './expiry/expiry-job';
import { OrdersController } from './grpc/orders.controller';
import { Registry } from '@junction/metrics';
import { OrdersModule } from './orders.module';
import { ordersDatabasePerTest, withServiceDatabase } from './testing/orders-database.fixture';
import { ordersMetrics } from './upstreams/orders-metrics';

// Wiring only: no call here reaches an upstream or a registry (DISCOVERY=static).
describe('OrdersModule', () => {
  const database = ordersDatabasePerTest();
  let app: INestApplicationContext;
  let tracing: InMemoryTracing;
  const alice = { subject: 'alice', scopes: ['orders'], kind: 'api-key' as const };
  beforeAll(async () => {
    tracing = installInMemoryTracing();
    app = await NestFactory.createApplicationContext(
      withServiceDatabase(
        OrdersModule.register(
          loadConfig(ordersConfigSchema, { DISCOVERY: 'static' }),
          ordersMetrics(new Registry()),
        ),
        database.db,
      ),
      { logger: false },
    );
  });
  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  it('refuses a call without a gateway-verified caller: UNAUTHENTICATED CALLER_REQUIRED', async () => {
    const failure = await statusErrorOf(app.get(OrdersController).getOrder({ id: '12345' }));
    expect(failure).toMatchObject({ code: Status.UNAUTHENTICATED, reason: 'CALLER_REQUIRED' });
  });

  it('answers GetOrder for an unknown id with NOT_FOUND ORDER_NOT_FOUND', async () => {
    const failure = await statusErrorOf(
      asCaller(alice, () => app.get(OrdersController).getOrder({ id: '12345' })),
    );
    expect(failure).toMatchObject({ code: Status.NOT_FOUND, reason: 'ORDER_NOT_FOUND' });
  });

  it('validates before any use case runs: INVALID_ARGUMENT INVALID_REQUEST', async () => {
    const failure = await statusErrorOf(
      asCaller(alice, () => app.get(OrdersController).confirmOrder({ id: 'x' })),
    );
    expect(failure).toMatchObject({ code: Status.INVALID_ARGUMENT, reason: 'INVALID_REQUEST' });
  });

  it('runs the expiry job from bootstrap with DISCOVERY=static (one instance assumed)', () => {
    expect(app.get(ExpiryJob).running).toBe(true);
  });
});
