import {
  GatewayEdgeMetrics,
  processRegistry,
  RuntimeConfigMetrics,
  UpstreamMetrics,
} from '@junction/metrics';

/**
 * The gateway's Prometheus metrics, on a registry of its own (never
 * prom-client's global one), served at `/metrics` on its port and on its
 * metrics server (METRICS_PORT). The families are @junction/metrics' (orders
 * reports its upstream calls with the same ones): the edge's RED and
 * decisions, the upstream calls and their policies, runtime-config applies;
 * discovery's gauges are added where the resolver is made.
 */
export class GatewayMetrics {
  readonly registry = processRegistry();
  readonly edge = new GatewayEdgeMetrics(this.registry);
  readonly upstreams = new UpstreamMetrics(this.registry);
  readonly runtimeConfig = new RuntimeConfigMetrics(this.registry);
}
