import { Inject, Logger, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { runtimeConfig, type DiscoverySettings } from '@junction/discovery';
import { GatewayRuntimeConfig, type RuntimeSource } from './gateway-runtime';
import { GATEWAY_RUNTIME_KEY, gatewayRuntimeSchema } from './gateway-runtime.schema';
import { RouteDeadlineInterceptor } from './route-deadline.interceptor';

export interface RuntimeConfigSettings {
  readonly discovery: DiscoverySettings;
  /** Route budget when the runtime configuration names none. */
  readonly defaultTimeoutMs: number;
}

const runtimeSource = ({ discovery }: RuntimeConfigSettings): RuntimeSource =>
  runtimeConfig(discovery, {
    key: GATEWAY_RUNTIME_KEY,
    schema: gatewayRuntimeSchema,
    log: new Logger('RuntimeConfig'),
  });

/** Runtime configuration from Consul KV, and the per-route deadline it sets. */
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
          useFactory: () =>
            new GatewayRuntimeConfig(runtimeSource(settings), settings.defaultTimeoutMs),
        },
        { provide: APP_INTERCEPTOR, useClass: RouteDeadlineInterceptor },
      ],
      exports: [GatewayRuntimeConfig],
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.runtime.stop();
  }
}
