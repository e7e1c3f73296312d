import { catalogV1 } from '@junction/contracts';
import { runService } from '@junction/grpc-server';
import { CatalogModule } from './catalog.module';
import { catalogConfigSchema } from './config/catalog.config';

runService({
  name: 'catalog',
  services: [catalogV1.CatalogServiceDefinition],
  config: catalogConfigSchema,
  module: CatalogModule,
});
