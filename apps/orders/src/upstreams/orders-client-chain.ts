import { Logger } from '@nestjs/common';
import {
  ejectionReport,
  resilienceEvents,
  rpcClientMetrics,
  type UpstreamMetrics,
} from '@junction/metrics';
import {
  clientPolicySchema,
  upstreamPolicy,
  type BreakerForce,
  type UpstreamPolicy,
} from '@junction/resilience';
import type { OrdersRuntimeConfig } from './orders-runtime';

const log = new Logger('Upstreams');

export interface OrdersChainDeps {
  readonly runtime: OrdersRuntimeConfig;
  readonly metrics: UpstreamMetrics;
  /** Ops' forced breaker states of this upstream (junction/breakers/<upstream>). */
  readonly breakerForce: () => BreakerForce | undefined;
}

/**
 * The chain orders' calls go through: the platform's resilient chain with
 * the configured timeout as default and live KV changes on top. Its inbound
 * call's deadline (set by the server's deadline interceptor) caps every
 * call, so orders → inventory keeps the gateway's budget. Calls, breaker
 * changes, rejections, retries and ejections are counted like the gateway's.
 */
export const ordersClientChain = (
  upstream: 'catalog' | 'inventory',
  timeoutMs: number,
  { runtime, metrics, breakerForce }: OrdersChainDeps,
): UpstreamPolicy =>
  upstreamPolicy({
    base: clientPolicySchema.parse({ timeoutMs }),
    override: () => runtime.upstreamOverride(upstream),
    events: resilienceEvents(metrics, log),
    instruments: [rpcClientMetrics(metrics.callDuration)],
    breakerForce,
    ejection: { onEject: ejectionReport(metrics, upstream, log) },
  });
