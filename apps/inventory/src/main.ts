import { inventoryV1 } from '@junction/contracts';
import { runService } from '@junction/grpc-server';
import { InventoryModule } from './inventory.module';
import { inventoryConfigSchema } from './config/inventory.config';

runService({
  name: 'inventory',
  services: [inventoryV1.InventoryServiceDefinition],
  config: inventoryConfigSchema,
  module: InventoryModule,
});
