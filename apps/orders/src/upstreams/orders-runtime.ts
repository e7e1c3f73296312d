import { Logger } from '@nestjs/common';
import {
  runtimeConfig,
  type DiscoverySettings,
  type RuntimeConfigObserver,
} from '@junction/discovery';
import type { UpstreamOverride } from '@junction/resilience';
import {
  ORDERS_RUNTIME_KEY,
  ordersRuntimeSchema,
  type OrdersRuntime,
} from '@junction/runtime-schemas';

/** The live overrides of orders' upstream policies. */
export interface OrdersRuntimeConfig {
  upstreamOverride(upstream: string): UpstreamOverride | undefined;
  stop(): Promise<void>;
}

export function ordersRuntimeConfig(
  discovery: DiscoverySettings,
  observer?: RuntimeConfigObserver,
): OrdersRuntimeConfig {
  const config = runtimeConfig(discovery, {
    key: ORDERS_RUNTIME_KEY,
    schema: ordersRuntimeSchema,
    log: new Logger('RuntimeConfig'),
    observer,
  });
  return {
    upstreamOverride: (upstream) =>
      config.current.upstreams[upstream as keyof OrdersRuntime['upstreams']],
    stop: () => config.stop(),
  };
}
