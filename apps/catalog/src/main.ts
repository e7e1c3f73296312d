import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { catalogV1 } from '@junction/contracts';
import { runGrpcService } from '@junction/grpc-server';
import { createLogger } from '@junction/telemetry';
import { CatalogModule } from './catalog.module';
import { catalogConfigSchema } from './config/catalog.config';

async function bootstrap(): Promise<void> {
  const config = loadConfig(catalogConfigSchema);
  const logger = createLogger({ name: 'catalog', level: config.LOG_LEVEL });
  await runGrpcService({
    module: CatalogModule,
    services: [catalogV1.CatalogServiceDefinition],
    host: config.CATALOG_HOST,
    port: config.CATALOG_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `catalog failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
