import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { catalogV1 } from '@junction/contracts';
import { discoveryLogHooks, serviceRegistration } from '@junction/discovery';
import { faultSource, runGrpcService } from '@junction/grpc-server';
import { processRegistry, RuntimeConfigMetrics } from '@junction/metrics';
import { createLogger } from '@junction/telemetry';
import { CatalogModule } from './catalog.module';
import { catalogConfigSchema } from './config/catalog.config';

/** Advertised in the registry's service meta. */
const SERVICE_VERSION = '0.1.0';

async function bootstrap(): Promise<void> {
  const config = loadConfig(catalogConfigSchema);
  const logger = createLogger({ name: 'catalog', level: config.LOG_LEVEL });
  const registry = processRegistry();
  await runGrpcService({
    module: CatalogModule,
    services: [catalogV1.CatalogServiceDefinition],
    host: config.CATALOG_HOST,
    port: config.CATALOG_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    serverTransport: config.GRPC_SERVER_TRANSPORT,
    deregisterGraceMs: config.DEREGISTER_GRACE_MS,
    metrics: {
      registry,
      host: config.METRICS_HOST ?? config.CATALOG_HOST,
      port: config.METRICS_PORT,
    },
    faults: faultSource({
      service: 'catalog',
      settings: config,
      logger,
      observer: new RuntimeConfigMetrics(registry),
    }),
    registration: ({ metricsPort }) =>
      serviceRegistration(
        config,
        {
          name: 'catalog',
          listenHost: config.CATALOG_HOST,
          port: config.CATALOG_PORT,
          metricsPort,
          meta: { version: SERVICE_VERSION, proto_package: 'catalog.v1' },
        },
        discoveryLogHooks(logger),
      ),
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `catalog failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
