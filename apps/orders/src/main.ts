import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { ordersV1 } from '@junction/contracts';
import { serviceRegistration } from '@junction/discovery';
import { faultSource, runGrpcService } from '@junction/grpc-server';
import { createLogger } from '@junction/telemetry';
import { ordersConfigSchema } from './config/orders.config';
import { OrdersModule } from './orders.module';

/** Advertised in the registry's service meta. */
const SERVICE_VERSION = '0.1.0';

async function bootstrap(): Promise<void> {
  const config = loadConfig(ordersConfigSchema);
  const logger = createLogger({ name: 'orders', level: config.LOG_LEVEL });
  await runGrpcService({
    module: OrdersModule.register(config),
    services: [ordersV1.OrdersServiceDefinition],
    host: config.ORDERS_HOST,
    port: config.ORDERS_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    deregisterGraceMs: config.DEREGISTER_GRACE_MS,
    faults: faultSource({ service: 'orders', settings: config, logger }),
    registration: serviceRegistration(
      config,
      {
        name: 'orders',
        listenHost: config.ORDERS_HOST,
        port: config.ORDERS_PORT,
        meta: { version: SERVICE_VERSION, proto_package: 'orders.v1' },
      },
      {
        onError: (message, error) => logger.warn({ err: error }, message),
        onInfo: (message, fields) => logger.info(fields, message),
      },
    ),
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `orders failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
