import { ordersV1 } from '@junction/contracts';
import { runService } from '@junction/grpc-server';
import { ownedDatabase } from '@junction/persistence';
import { ordersConfigSchema } from './config/orders.config';
import { ORDERS_MIGRATIONS } from './data/orders.migrations';
import { OrdersModule } from './orders.module';

runService({
  name: 'orders',
  services: [ordersV1.OrdersServiceDefinition],
  config: ordersConfigSchema,
  database: ownedDatabase({ migrations: ORDERS_MIGRATIONS }),
  module: ({ config, metrics }) => OrdersModule.register(config, metrics),
});
