import { Counter, Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS_S } from './duration-buckets';

export type HttpServerLabel = 'http_request_method' | 'http_route' | 'http_response_status_code';

/** The route label of a request no route matched (never its raw path). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Where a rate-limit decision was made. */
export type RateLimitStore = 'local' | 'redis' | 'insurance';

/**
 * What the HTTP edge reports: per-route RED (OpenTelemetry's
 * http.server.request.duration) and every answer the edge policies decided
 * themselves: limited, shed, or degraded.
 */
export class GatewayEdgeMetrics {
  readonly requestDuration: Histogram<HttpServerLabel>;
  /** Answers served without a section (or from a stale copy), per route and section. */
  readonly fallbacks: Counter<'route' | 'section'>;
  /** Requests answered 429, per route and the store whose counters decided. */
  readonly rateLimited: Counter<'route' | 'store'>;
  /** Decisions the in-memory insurance limiter made because Redis failed. */
  readonly rateLimitInsurance: Counter<never>;
  /** Requests answered 503 before any work, per reason (in_flight, event_loop_lag). */
  readonly shed: Counter<'reason'>;
  /** Credentials refused with 401, per reason (never told to the client). */
  readonly authRefused: Counter<'reason'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.requestDuration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Duration of HTTP requests, by method, route template and status',
      labelNames: ['http_request_method', 'http_route', 'http_response_status_code'],
      buckets: [...DURATION_BUCKETS_S],
      registers,
    });
    this.fallbacks = new Counter({
      name: 'junction_gateway_fallbacks_total',
      help: 'Degraded answers: an optional section left out or a stale copy served',
      labelNames: ['route', 'section'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'junction_gateway_rate_limited_total',
      help: 'Requests refused with 429 by the rate limiter, by the store that decided (local, redis, insurance)',
      labelNames: ['route', 'store'],
      registers,
    });
    this.rateLimitInsurance = new Counter({
      name: 'junction_gateway_rate_limit_insurance_total',
      help: 'Rate-limit decisions made by the in-memory insurance limiter because Redis failed',
      registers,
    });
    this.shed = new Counter({
      name: 'junction_gateway_shed_total',
      help: 'Requests refused with 503 by load shedding',
      labelNames: ['reason'],
      registers,
    });
    this.authRefused = new Counter({
      name: 'junction_gateway_auth_refused_total',
      help: 'Credentials refused at the edge, by reason (malformed, unknown-key, revoked, expired, …)',
      labelNames: ['reason'],
      registers,
    });
  }
}
