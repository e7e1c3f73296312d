import { gatewayRuntimeSchema, type GatewayRuntime } from './gateway-runtime.schema';

/** Where the current runtime configuration comes from (a KV watch, or fixed defaults). */
export interface RuntimeSource {
  readonly current: GatewayRuntime;
  stop(): Promise<void>;
}

export const fixedRuntime = (): RuntimeSource => ({
  current: gatewayRuntimeSchema.parse({}),
  stop: async () => undefined,
});

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

  /** An upstream switched off by ops: callers skip it, as if it were down. */
  isForcedDegraded(upstream: string): boolean {
    return this.source.current.upstreams[upstream]?.forceDegraded ?? false;
  }

  stop(): Promise<void> {
    return this.source.stop();
  }
}
