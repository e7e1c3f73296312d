import { Inject, Logger, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import {
  runtimeConfig,
  type DiscoverySettings,
  type RuntimeConfigObserver,
} from '@junction/discovery';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { GatewayRuntimeConfig, type RuntimeSource } from './gateway-runtime';
import { GATEWAY_RUNTIME_KEY, gatewayRuntimeSchema } from '@junction/runtime-schemas';

export interface RuntimeConfigSettings {
  readonly discovery: DiscoverySettings;
  /** Route budget when the runtime configuration names none. */
  readonly defaultTimeoutMs: number;
}

const runtimeSource = (
  { discovery }: RuntimeConfigSettings,
  observer: RuntimeConfigObserver,
): RuntimeSource =>
  runtimeConfig(discovery, {
    key: GATEWAY_RUNTIME_KEY,
    schema: gatewayRuntimeSchema,
    log: new Logger('RuntimeConfig'),
    observer,
  });

/** Runtime configuration from Consul KV (registerRouteDeadline applies its route deadlines). */
@Module({})
export class RuntimeConfigModule implements OnModuleDestroy {
  constructor(@Inject(GatewayRuntimeConfig) private readonly runtime: GatewayRuntimeConfig) {}

  static register(settings: RuntimeConfigSettings): DynamicModule {
    return {
      module: RuntimeConfigModule,
      global: true,
      providers: [
        {
          provide: GatewayRuntimeConfig,
          inject: [GatewayMetrics],
          useFactory: (metrics: GatewayMetrics) =>
            new GatewayRuntimeConfig(
              runtimeSource(settings, metrics.runtimeConfig),
              settings.defaultTimeoutMs,
            ),
        },
      ],
      exports: [GatewayRuntimeConfig],
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.runtime.stop();
  }
}
