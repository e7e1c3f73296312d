import { Global, Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsController } from './metrics.controller';

/** One metrics registry per gateway, injected wherever something is counted. */
@Global()
@Module({
  providers: [{ provide: GatewayMetrics, useFactory: () => new GatewayMetrics() }],
  controllers: [MetricsController],
  exports: [GatewayMetrics],
})
export class MetricsModule {}
