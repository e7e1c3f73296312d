import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from './config/gateway.config';
import { AuthModule } from './edge/auth/auth.module';
import { RateLimitModule } from './edge/rate-limit/rate-limit.module';
import { SheddingModule } from './edge/shedding/shedding.module';
import { HealthController } from './health/health.controller';
import type { GatewayMetrics } from './metrics/gateway-metrics';
import { MetricsModule } from './metrics/metrics.module';
import { MeModule } from './routes/me/me.module';
import { OrdersModule } from './routes/orders/orders.module';
import { ProductsModule } from './routes/products/products.module';
import { RuntimeConfigModule } from './runtime-config/runtime-config.module';
import { upstreamSettingsOf } from './upstreams/upstream-settings';
import { UpstreamsModule } from './upstreams/upstreams.module';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, metrics: GatewayMetrics): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        MetricsModule.register(metrics),
        RuntimeConfigModule.register({
          discovery: config,
          defaultTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
        }),
        SheddingModule.register(config),
        RateLimitModule.register(config),
        AuthModule.register(config),
        UpstreamsModule.register(upstreamSettingsOf(config)),
        ProductsModule.register({
          staleMaxAgeMs: config.CATALOG_STALE_MAX_AGE_MS,
          staleMaxEntries: config.CATALOG_STALE_MAX_ENTRIES,
        }),
        OrdersModule,
        MeModule,
      ],
      controllers: [HealthController],
    };
  }
}
