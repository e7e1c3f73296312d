import type { Logger } from '@nestjs/common';
import {
  livePolicy,
  resilientChain,
  type ClientPolicy,
  type ResilientChain,
} from '@junction/resilience';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import type { GatewayRuntimeConfig } from '../runtime-config/gateway-runtime';
import { forceDegraded } from '../runtime-config/runtime.middleware';
import { resilienceEvents } from './resilience-events.binding';
import type { UpstreamName } from './upstream.tokens';

export interface GatewayChainDeps {
  readonly runtime: GatewayRuntimeConfig;
  readonly metrics: GatewayMetrics;
  readonly log: Logger;
}

/**
 * One upstream's client chain: the platform's resilient chain, its policy
 * the typed defaults with ops' live KV changes on top, its events counted,
 * and the force-degraded switch inside the fallback.
 */
export const gatewayClientChain = (
  upstream: UpstreamName,
  basePolicy: ClientPolicy,
  { runtime, metrics, log }: GatewayChainDeps,
): ResilientChain =>
  resilientChain({
    policy: livePolicy(basePolicy, () => runtime.upstreamOverride(upstream)),
    events: resilienceEvents(metrics, log),
    switches: [forceDegraded(runtime)],
  });
