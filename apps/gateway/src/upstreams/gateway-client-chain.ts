import type { Logger } from '@nestjs/common';
import { upstreamPolicy, type ClientPolicy, type UpstreamPolicy } from '@junction/resilience';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import type { GatewayRuntimeConfig } from '../runtime-config/gateway-runtime';
import { forceDegraded } from '../runtime-config/runtime.middleware';
import { resilienceEvents } from './resilience-events.binding';
import type { UpstreamName } from './upstream.tokens';

export interface GatewayChainDeps {
  readonly runtime: GatewayRuntimeConfig;
  readonly metrics: GatewayMetrics;
  readonly log: Logger;
  /** The longest any instance is ejected (EJECTION_MAX_MS), under live changes. */
  readonly maxEjectionMs: number;
}

/**
 * One upstream's client chain and ejection: the platform's policies, with
 * the typed defaults under ops' live KV changes, events counted and logged,
 * and the force-degraded switch inside the fallback.
 */
export const gatewayClientChain = (
  upstream: UpstreamName,
  base: ClientPolicy,
  { runtime, metrics, log, maxEjectionMs }: GatewayChainDeps,
): UpstreamPolicy =>
  upstreamPolicy({
    base,
    override: () => runtime.upstreamOverride(upstream),
    events: resilienceEvents(metrics, log),
    switches: [forceDegraded(runtime)],
    ejection: {
      maxEjectionMs,
      onEject: (instance, reason, untilMs) => {
        metrics.ejections.inc({ upstream, reason });
        log.log(
          `${upstream} instance ${instance} out of rotation (${reason}) for ${untilMs - Date.now()} ms`,
        );
      },
    },
  });
