import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { ordersV1 } from '@junction/contracts';
import { discoveryLogHooks, serviceRegistration } from '@junction/discovery';
import { faultSource, runGrpcService } from '@junction/grpc-server';
import { processRegistry } from '@junction/metrics';
import { createLogger } from '@junction/telemetry';
import { ordersConfigSchema } from './config/orders.config';
import { OrdersModule } from './orders.module';
import { ordersMetrics } from './upstreams/orders-metrics';

/** Advertised in the registry's service meta. */
const SERVICE_VERSION = '0.1.0';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ordersConfigSchema);
  const logger = createLogger({ name: 'orders', level: config.LOG_LEVEL });
  const metrics = ordersMetrics(processRegistry());
  await runGrpcService({
    module: OrdersModule.register(config, metrics),
    services: [ordersV1.OrdersServiceDefinition],
    host: config.ORDERS_HOST,
    port: config.ORDERS_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    serverTransport: config.GRPC_SERVER_TRANSPORT,
    deregisterGraceMs: config.DEREGISTER_GRACE_MS,
    metrics: {
      registry: metrics.registry,
      host: config.METRICS_HOST ?? config.ORDERS_HOST,
      port: config.METRICS_PORT,
    },
    faults: faultSource({
      service: 'orders',
      settings: config,
      logger,
      observer: metrics.runtimeConfig,
    }),
    registration: ({ metricsPort }) =>
      serviceRegistration(
        config,
        {
          name: 'orders',
          listenHost: config.ORDERS_HOST,
          port: config.ORDERS_PORT,
          metricsPort,
          meta: { version: SERVICE_VERSION, proto_package: 'orders.v1' },
        },
        discoveryLogHooks(logger),
      ),
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `orders failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
