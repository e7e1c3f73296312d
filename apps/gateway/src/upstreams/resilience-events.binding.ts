import type { Logger } from '@nestjs/common';
import type { BreakerState, ResilienceEvents } from '@junction/resilience';
import type { GatewayMetrics } from '../metrics/gateway-metrics';

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Binds the client policies' reports to the gateway's metrics and log:
 * breaker transitions are logged (they are rare and ops want them), the
 * per-call events only counted.
 */
export const resilienceEvents = (metrics: GatewayMetrics, log: Logger): ResilienceEvents => ({
  breakerStateChanged: (upstream, method, state) => {
    metrics.breakerState.set({ upstream, method }, STATE_VALUE[state]);
    metrics.breakerTransitions.inc({ upstream, method, state });
    const line = `circuit breaker ${upstream}/${method} is ${state}`;
    if (state === 'open') log.warn(line);
    else log.log(line);
  },
  rejected: (call, cause) => metrics.callsRejected.inc({ upstream: call.upstream, cause }),
  retried: (call) => metrics.retries.inc({ upstream: call.upstream, method: call.method.name }),
  retryBudgetExhausted: (call) =>
    metrics.callsRejected.inc({ upstream: call.upstream, cause: 'retry-budget' }),
});
