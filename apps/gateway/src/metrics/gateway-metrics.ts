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
  readonly rateLimited = new Counter({
    name: 'junction_gateway_rate_limited_total',
    help: 'Requests refused with 429 by the rate limiter',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  /** Requests answered 503 before any work, per reason (in_flight, event_loop_lag). */
  readonly shed = new Counter({
    name: 'junction_gateway_shed_total',
    help: 'Requests refused with 503 by load shedding',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Answers served without a section (or from a stale copy), per route and section. */
  readonly fallbacks = new Counter({
    name: 'junction_gateway_fallbacks_total',
    help: 'Degraded answers: an optional section left out or a stale copy served',
    labelNames: ['route', 'section'] as const,
    registers: [this.registry],
  });

  /** Upstream calls refused by the client before reaching the wire, per upstream and cause. */
  readonly callsRejected = new Counter({
    name: 'junction_upstream_calls_rejected_total',
    help: 'Upstream calls failed fast by the client (breaker open, bulkhead full, budget spent)',
    labelNames: ['upstream', 'cause'] as const,
    registers: [this.registry],
  });

  /** Extra attempts made by retry, per upstream and method. */
  readonly retries = new Counter({
    name: 'junction_upstream_retries_total',
    help: 'Retry attempts of upstream calls',
    labelNames: ['upstream', 'method'] as const,
    registers: [this.registry],
  });

  /** Instances taken out of rotation, per upstream and reason (unreachable, failures, pushback). */
  readonly ejections = new Counter({
    name: 'junction_upstream_ejections_total',
    help: 'Upstream instances ejected from the balancer, or paused at their own request',
    labelNames: ['upstream', 'reason'] as const,
    registers: [this.registry],
  });

  /** Breaker state per upstream method: 0 closed, 1 half-open, 2 open. */
  readonly breakerState = new Gauge({
    name: 'junction_upstream_breaker_state',
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
    labelNames: ['upstream', 'method'] as const,
    registers: [this.registry],
  });

  /** Breaker transitions per upstream method and new state. */
  readonly breakerTransitions = new Counter({
    name: 'junction_upstream_breaker_transitions_total',
    help: 'Circuit breaker state changes',
    labelNames: ['upstream', 'method', 'state'] as const,
    registers: [this.registry],
  });
}
