import { ordersV1 } from '@junction/contracts';
import { runService } from '@junction/grpc-server';
import { ordersConfigSchema } from './config/orders.config';
import { OrdersModule } from './orders.module';

runService({
  name: 'orders',
  services: [ordersV1.OrdersServiceDefinition],
  config: ordersConfigSchema,
  module: ({ config, metrics }) => OrdersModule.register(config, metrics),
});
