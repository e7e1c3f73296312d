import { inventoryV1 } from '@junction/contracts';
import { runService } from '@junction/grpc-server';
import { ownedDatabase } from '@junction/persistence';
import { inventoryConfigSchema } from './config/inventory.config';
import { INVENTORY_MIGRATIONS } from './data/inventory.migrations';
import { seedMissingStock } from './data/stock.seeding';
import { InventoryModule } from './inventory.module';

runService({
  name: 'inventory',
  services: [inventoryV1.InventoryServiceDefinition],
  config: inventoryConfigSchema,
  database: ownedDatabase({ migrations: INVENTORY_MIGRATIONS, seed: seedMissingStock }),
  module: InventoryModule,
});
