import { Module, type DynamicModule } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsController } from './metrics.controller';

/**
 * The gateway's one metrics registry (made in main, which also serves it on
 * METRICS_PORT), injected wherever something is counted.
 */
@Module({})
export class MetricsModule {
  static register(metrics: GatewayMetrics): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [{ provide: GatewayMetrics, useValue: metrics }],
      controllers: [MetricsController],
      exports: [GatewayMetrics],
    };
  }
}
