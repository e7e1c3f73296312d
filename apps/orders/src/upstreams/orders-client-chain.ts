import { Logger } from '@nestjs/common';
import {
  clientPolicySchema,
  livePolicy,
  resilientChain,
  type ResilientChain,
} from '@junction/resilience';
import type { OrdersRuntimeConfig } from './orders-runtime';

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
): ResilientChain =>
  resilientChain({
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
  });
