import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * The gateway's Prometheus metrics, on a registry of its own (never
 * prom-client's global one), served at `/metrics`. Everything the resilience
 * policies decide is counted here: what was limited, shed, degraded, retried,
 * and how the breakers stand.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  constructor() {
    // Process metrics (CPU, memory, event-loop lag, GC), read at scrape time.
    collectDefaultMetrics({ register: this.registry });
  }

  /** Requests answered 429 by the rate limiter, per route. */
  readonly rateLimited = this.counter(
    'junction_gateway_rate_limited_total',
    'Requests refused with 429 by the rate limiter',
    ['route'],
  );

  /** Requests answered 503 before any work, per reason (in_flight, event_loop_lag). */
  readonly shed = this.counter(
    'junction_gateway_shed_total',
    'Requests refused with 503 by load shedding',
    ['reason'],
  );

  /** Answers served without a section (or from a stale copy), per route and section. */
  readonly fallbacks = this.counter(
    'junction_gateway_fallbacks_total',
    'Degraded answers: an optional section left out or a stale copy served',
    ['route', 'section'],
  );

  /** Upstream calls refused by the client before reaching the wire, per upstream and cause. */
  readonly callsRejected = this.counter(
    'junction_upstream_calls_rejected_total',
    'Upstream calls failed fast by the client (breaker open, bulkhead full, budget spent)',
    ['upstream', 'cause'],
  );

  /** Extra attempts made by retry, per upstream and method. */
  readonly retries = this.counter(
    'junction_upstream_retries_total',
    'Retry attempts of upstream calls',
    ['upstream', 'method'],
  );

  /** Instances taken out of rotation, per upstream and reason (unreachable, failures, pushback). */
  readonly ejections = this.counter(
    'junction_upstream_ejections_total',
    'Upstream instances ejected from the balancer, or paused at their own request',
    ['upstream', 'reason'],
  );

  /** Breaker state per upstream method: 0 closed, 1 half-open, 2 open. */
  readonly breakerState = new Gauge({
    name: 'junction_upstream_breaker_state',
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
    labelNames: ['upstream', 'method'] as const,
    registers: [this.registry],
  });

  /** Breaker transitions per upstream method and new state. */
  readonly breakerTransitions = this.counter(
    'junction_upstream_breaker_transitions_total',
    'Circuit breaker state changes',
    ['upstream', 'method', 'state'],
  );

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]) {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }
}
