import type { RuntimeConfig } from '@junction/discovery';
import type { UpstreamOverride } from '@junction/resilience';
import type {
  GatewayRuntime,
  RateLimitRuntime,
  RouteRateLimit,
  SheddingRuntime,
} from '@junction/runtime-schemas';

/** Where the current runtime configuration comes from (a KV watch, or fixed defaults). */
export type RuntimeSource = RuntimeConfig<GatewayRuntime>;

/** The questions the request path asks of the runtime configuration. */
export class GatewayRuntimeConfig {
  constructor(
    private readonly source: RuntimeSource,
    private readonly defaultTimeoutMs: number,
  ) {}

  /** Budget for the upstream calls of one route, e.g. `GET /api/v1/products/:id`. */
  routeTimeoutMs(route: string): number {
    return this.source.current.routes[route]?.timeoutMs ?? this.defaultTimeoutMs;
  }

  /** Ops' changes to an upstream's client policy and ejection; the same object until the config changes. */
  upstreamOverride(upstream: string): UpstreamOverride | undefined {
    return this.source.current.upstreams[upstream];
  }

  /** How old a cached catalog answer may be and still be served when the catalog fails. */
  catalogStaleMaxAgeMs(fallback: number): number {
    return this.source.current.degradation.catalogStaleMaxAgeMs ?? fallback;
  }

  /** An upstream switched off by ops: callers skip it, as if it were down. */
  isForcedDegraded(upstream: string): boolean {
    return this.source.current.upstreams[upstream]?.forceDegraded ?? false;
  }

  /** Ops' rate limit of every route; the same object until the config changes. */
  rateLimit(): RateLimitRuntime {
    return this.source.current.rateLimit;
  }

  /** Ops' rate limit of one route, if any (`false`: the route is not limited). */
  routeRateLimit(route: string): RouteRateLimit | undefined {
    return this.source.current.routes[route]?.rateLimit;
  }

  /** Ops' load-shedding thresholds; the same object until the config changes. */
  shedding(): SheddingRuntime {
    return this.source.current.shedding;
  }

  stop(): Promise<void> {
    return this.source.stop();
  }
}
