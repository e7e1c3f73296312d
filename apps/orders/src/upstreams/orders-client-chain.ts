import { Logger } from '@nestjs/common';
import { clientPolicySchema, upstreamPolicy, type UpstreamPolicy } from '@junction/resilience';
import type { OrdersRuntimeConfig } from './orders-runtime';

const log = new Logger('Upstreams');

/**
 * The chain orders' calls go through: the platform's resilient chain with
 * the configured timeout as default and live KV changes on top. Its inbound
 * call's deadline (set by the server's deadline interceptor) caps every
 * call, so orders → inventory keeps the gateway's budget. Orders serves no
 * metrics, so breaker changes and ejections are logged.
 */
export const ordersClientChain = (
  upstream: 'catalog' | 'inventory',
  timeoutMs: number,
  runtime: OrdersRuntimeConfig,
): UpstreamPolicy =>
  upstreamPolicy({
    base: clientPolicySchema.parse({ timeoutMs }),
    override: () => runtime.upstreamOverride(upstream),
    events: {
      breakerStateChanged: (name, method, state) =>
        (state === 'open' ? log.warn : log.log).call(
          log,
          `circuit breaker ${name}/${method} is ${state}`,
        ),
    },
    ejection: {
      onEject: (instance, reason, untilMs) =>
        log.log(
          `${upstream} instance ${instance} out of rotation (${reason}) for ${untilMs - Date.now()} ms`,
        ),
    },
  });
