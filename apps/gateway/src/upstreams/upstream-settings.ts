import type { BalancerKind, DiscoverySettings } from '@junction/discovery';
import type { TransportKind } from '@junction/grpc-client';
import type { GatewayConfig } from '../config/gateway.config';
import type { UpstreamName } from './upstream.tokens';

/** The config slice the upstream clients get. */
export interface UpstreamSettings {
  readonly discovery: DiscoverySettings;
  readonly addresses: Readonly<Record<UpstreamName, readonly string[]>>;
  readonly timeoutMs: number;
  readonly transport: TransportKind;
  readonly balancers: Readonly<Record<UpstreamName, BalancerKind>>;
  readonly maxEjectionMs: number;
}

export const upstreamSettingsOf = (config: GatewayConfig): UpstreamSettings => ({
  discovery: config,
  addresses: {
    catalog: config.UPSTREAM_CATALOG,
    inventory: config.UPSTREAM_INVENTORY,
    reviews: config.UPSTREAM_REVIEWS,
    orders: config.UPSTREAM_ORDERS,
  },
  timeoutMs: config.UPSTREAM_TIMEOUT_MS,
  transport: config.GRPC_TRANSPORT,
  balancers: {
    catalog: config.BALANCER_CATALOG,
    inventory: config.BALANCER_INVENTORY,
    reviews: config.BALANCER_REVIEWS,
    orders: config.BALANCER_ORDERS,
  },
  maxEjectionMs: config.EJECTION_MAX_MS,
});
