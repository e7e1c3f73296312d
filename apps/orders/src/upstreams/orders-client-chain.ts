import { Logger } from '@nestjs/common';
import { liveEjection, type OutlierEjectionOptions } from '@junction/discovery';
import {
  clientPolicySchema,
  livePolicy,
  resilientChain,
  type ResilientChain,
} from '@junction/resilience';
import type { OrdersRuntimeConfig } from './orders-runtime';

/** One upstream's client chain and the live options of its outlier ejection. */
export interface OrdersUpstreamPolicy extends ResilientChain {
  readonly ejection: () => OutlierEjectionOptions;
}

const log = new Logger('Upstreams');

/**
 * The chain orders' calls go through: the platform's resilient chain with
 * the configured timeout as default and live KV changes on top. Its inbound
 * call's deadline (set by the server's deadline interceptor) caps every
 * call, so orders → inventory keeps the gateway's budget.
 */
export const ordersClientChain = (
  upstream: 'catalog' | 'inventory',
  timeoutMs: number,
  runtime: OrdersRuntimeConfig,
): OrdersUpstreamPolicy => ({
  ...resilientChain({
    policy: livePolicy(clientPolicySchema.parse({ timeoutMs }), () =>
      runtime.upstreamOverride(upstream),
    ),
    events: {
      breakerStateChanged: (name, method, state) =>
        (state === 'open' ? log.warn : log.log).call(
          log,
          `circuit breaker ${name}/${method} is ${state}`,
        ),
    },
  }),
  ejection: liveEjection(
    {
      onEject: (instance, reason, untilMs) =>
        log.log(
          `${upstream} instance ${instance} out of rotation (${reason}) for ${untilMs - Date.now()} ms`,
        ),
    },
    () => runtime.upstreamOverride(upstream)?.ejection,
  ),
});
