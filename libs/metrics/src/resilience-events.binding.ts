import type { HoldReason } from '@junction/discovery';
import type { BreakerState, ResilienceEvents } from '@junction/resilience';
import type { UpstreamMetrics } from './upstream.metrics';

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** Where the rare, notable events are logged (a Nest Logger fits). */
export interface EventLog {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * Binds the client policies' reports to the upstream metrics and the log:
 * breaker transitions are logged (they are rare and ops want them), the
 * per-call events only counted.
 */
export const resilienceEvents = (metrics: UpstreamMetrics, log: EventLog): ResilienceEvents => ({
  breakerStateChanged: (upstream, method, state) => {
    metrics.breakerState.set({ upstream, method }, STATE_VALUE[state]);
    metrics.breakerTransitions.inc({ upstream, method, state });
    const line = `circuit breaker ${upstream}/${method} is ${state}`;
    if (state === 'open') log.warn(line);
    else log.log(line);
  },
  rejected: (call, cause) => metrics.callsRejected.inc({ upstream: call.upstream, cause }),
  retried: (call) => metrics.retries.inc({ upstream: call.upstream, method: call.method.name }),
  retryBudgetExhausted: (call) => {
    metrics.callsRejected.inc({ upstream: call.upstream, cause: 'retry-budget' });
    metrics.retryBudgetExhausted.inc({ upstream: call.upstream });
  },
});

/** The outlier ejection's onEject for one upstream: counted and logged. */
export const ejectionReport =
  (metrics: UpstreamMetrics, upstream: string, log: EventLog) =>
  (instance: string, reason: HoldReason, untilMs: number): void => {
    metrics.ejections.inc({ upstream, reason });
    log.log(
      `${upstream} instance ${instance} out of rotation (${reason}) for ${untilMs - Date.now()} ms`,
    );
  };
