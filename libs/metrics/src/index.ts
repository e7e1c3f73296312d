export { DURATION_BUCKETS_S } from './duration-buckets';
export { processRegistry } from './process-registry';
export { rpcNameOf, type RpcName } from './grpc-path';
export {
  rpcServerDuration,
  rpcClientDuration,
  type RpcServerLabel,
  type RpcClientLabel,
} from './rpc.metrics';
export { UpstreamMetrics, type ForcedBreakerOf } from './upstream.metrics';
export {
  GatewayEdgeMetrics,
  UNMATCHED_ROUTE,
  type HttpServerLabel,
  type RateLimitStore,
} from './gateway-edge.metrics';
export { discoveryMetrics, type DiscoveryMetricsOptions } from './discovery.metrics';
export { RuntimeConfigMetrics } from './runtime-config.metrics';
export { resilienceEvents, ejectionReport, type EventLog } from './resilience-events.binding';
export { rpcClientMetrics } from './rpc-client-metrics.middleware';
export {
  startMetricsServer,
  type MetricsServer,
  type MetricsServerOptions,
} from './metrics-server';
export { prefersJson } from './accept-json';
export { Registry } from 'prom-client';
