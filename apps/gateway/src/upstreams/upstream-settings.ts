import type { BalancerKind, DiscoverySettings } from '@junction/discovery';
import type { TransportKind } from '@junction/grpc-client';
import { clientPolicySchema, type ClientPolicy } from '@junction/resilience';
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
  /** Each upstream's client policy before live changes. */
  readonly policies: Readonly<Record<UpstreamName, ClientPolicy>>;
}

const policy = (timeoutMs: number, retryAlso: string[] = []) =>
  clientPolicySchema.parse({ timeoutMs, retryAlso });

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
  policies: {
    catalog: policy(config.UPSTREAM_TIMEOUT_MS),
    inventory: policy(config.UPSTREAM_TIMEOUT_MS),
    reviews: policy(config.UPSTREAM_TIMEOUT_MS),
    // Orders stores each creation under its Idempotency-Key: a repeat returns
    // the first order, so CreateOrder is safe to retry.
    orders: policy(config.UPSTREAM_TIMEOUT_MS, ['CreateOrder']),
  },
});
