import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from './config/gateway.config';
import { HealthController } from './health/health.controller';
import { OrdersModule } from './routes/orders/orders.module';
import { ProductsModule } from './routes/products/products.module';
import { RuntimeConfigModule } from './runtime-config/runtime-config.module';
import { upstreamSettingsOf } from './upstreams/upstream-settings';
import { UpstreamsModule } from './upstreams/upstreams.module';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        RuntimeConfigModule.register({
          discovery: config,
          defaultTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
        }),
        UpstreamsModule.register(upstreamSettingsOf(config)),
        ProductsModule,
        OrdersModule,
      ],
      controllers: [HealthController],
    };
  }
}
