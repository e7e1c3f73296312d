import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { inventoryV1 } from '@junction/contracts';
import { runGrpcService } from '@junction/grpc-server';
import { createLogger } from '@junction/telemetry';
import { inventoryConfigSchema } from './config/inventory.config';
import { InventoryModule } from './inventory.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(inventoryConfigSchema);
  const logger = createLogger({ name: 'inventory', level: config.LOG_LEVEL });
  await runGrpcService({
    module: InventoryModule,
    services: [inventoryV1.InventoryServiceDefinition],
    host: config.INVENTORY_HOST,
    port: config.INVENTORY_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `inventory failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
