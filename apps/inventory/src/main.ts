import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { inventoryV1 } from '@junction/contracts';
import { discoveryLogHooks, serviceRegistration } from '@junction/discovery';
import { faultSource, runGrpcService } from '@junction/grpc-server';
import { processRegistry, RuntimeConfigMetrics } from '@junction/metrics';
import { createLogger } from '@junction/telemetry';
import { inventoryConfigSchema } from './config/inventory.config';
import { InventoryModule } from './inventory.module';

/** Advertised in the registry's service meta. */
const SERVICE_VERSION = '0.1.0';

async function bootstrap(): Promise<void> {
  const config = loadConfig(inventoryConfigSchema);
  const logger = createLogger({ name: 'inventory', level: config.LOG_LEVEL });
  const registry = processRegistry();
  await runGrpcService({
    module: InventoryModule,
    services: [inventoryV1.InventoryServiceDefinition],
    host: config.INVENTORY_HOST,
    port: config.INVENTORY_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    serverTransport: config.GRPC_SERVER_TRANSPORT,
    deregisterGraceMs: config.DEREGISTER_GRACE_MS,
    metrics: {
      registry,
      host: config.METRICS_HOST ?? config.INVENTORY_HOST,
      port: config.METRICS_PORT,
    },
    faults: faultSource({
      service: 'inventory',
      settings: config,
      logger,
      observer: new RuntimeConfigMetrics(registry),
    }),
    registration: ({ metricsPort }) =>
      serviceRegistration(
        config,
        {
          name: 'inventory',
          listenHost: config.INVENTORY_HOST,
          port: config.INVENTORY_PORT,
          metricsPort,
          meta: { version: SERVICE_VERSION, proto_package: 'inventory.v1' },
        },
        discoveryLogHooks(logger),
      ),
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `inventory failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
