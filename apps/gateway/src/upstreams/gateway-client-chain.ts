import type { Logger } from '@nestjs/common';
import {
  ejectionReport,
  resilienceEvents,
  rpcClientMetrics,
  type UpstreamMetrics,
} from '@junction/metrics';
import {
  upstreamPolicy,
  type BreakerForce,
  type ClientPolicy,
  type UpstreamPolicy,
} from '@junction/resilience';
import type { GatewayRuntimeConfig } from '../runtime-config/gateway-runtime';
import { forceDegraded } from '../runtime-config/runtime.middleware';
import type { UpstreamName } from './upstreams.declaration';

export interface GatewayChainDeps {
  readonly runtime: GatewayRuntimeConfig;
  readonly metrics: UpstreamMetrics;
  readonly log: Logger;
  /** The longest any instance is ejected (EJECTION_MAX_MS), under live changes. */
  readonly maxEjectionMs: number;
  /** Ops' forced breaker states of each upstream (junction/breakers/<upstream>). */
  readonly breakerForce: (upstream: UpstreamName) => BreakerForce | undefined;
}

/**
 * One upstream's client chain and ejection: the platform's policies, with
 * the typed defaults under ops' live KV changes and forced breakers, each
 * call timed, events counted and logged, and the force-degraded switch
 * inside the fallback.
 */
export const gatewayClientChain = (
  upstream: UpstreamName,
  base: ClientPolicy,
  { runtime, metrics, log, maxEjectionMs, breakerForce }: GatewayChainDeps,
): UpstreamPolicy =>
  upstreamPolicy({
    base,
    override: () => runtime.upstreamOverride(upstream),
    events: resilienceEvents(metrics, log),
    instruments: [rpcClientMetrics(metrics.callDuration)],
    switches: [forceDegraded(runtime)],
    breakerForce: () => breakerForce(upstream),
    ejection: { maxEjectionMs, onEject: ejectionReport(metrics, upstream, log) },
  });
