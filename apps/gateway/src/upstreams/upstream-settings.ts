import type { BalancerKind, DiscoverySettings } from '@junction/discovery';
import type { TransportKind } from '@junction/grpc-client';
import { clientPolicySchema, type ClientPolicy } from '@junction/resilience';
import type { GatewayConfig } from '../config/gateway.config';
import { addressVariable, balancerVariable } from './upstream.env';
import { perUpstream, type UpstreamName } from './upstreams.declaration';

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

export const upstreamSettingsOf = (config: GatewayConfig): UpstreamSettings => ({
  discovery: config,
  addresses: perUpstream((name) => config[addressVariable(name)]),
  timeoutMs: config.UPSTREAM_TIMEOUT_MS,
  transport: config.GRPC_TRANSPORT,
  balancers: perUpstream((name) => config[balancerVariable(name)]),
  maxEjectionMs: config.EJECTION_MAX_MS,
  policies: perUpstream((_, { retryAlso = [] }) =>
    clientPolicySchema.parse({ timeoutMs: config.UPSTREAM_TIMEOUT_MS, retryAlso }),
  ),
});
