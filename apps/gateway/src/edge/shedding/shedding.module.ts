import { Inject, Logger, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { GatewayRuntimeConfig } from '../../runtime-config/gateway-runtime';
import { LoadShedding } from './load-shedding';
import type { SheddingEnv } from './shedding.env';

/**
 * Provides the load shedder; main.ts hooks it into Fastify (registerLoadShedding)
 * right after the tracing hooks, since it must act before Nest routes a request.
 */
@Module({})
export class SheddingModule implements OnModuleDestroy {
  constructor(@Inject(LoadShedding) private readonly shedding: LoadShedding) {}

  static register(env: SheddingEnv): DynamicModule {
    return {
      module: SheddingModule,
      providers: [
        {
          provide: LoadShedding,
          inject: [GatewayRuntimeConfig, GatewayMetrics],
          useFactory: (runtime: GatewayRuntimeConfig, metrics: GatewayMetrics) =>
            new LoadShedding({ env, runtime, metrics, log: new Logger('LoadShedding') }),
        },
      ],
      exports: [LoadShedding],
    };
  }

  onModuleDestroy(): void {
    this.shedding.stop();
  }
}
