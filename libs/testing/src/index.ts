export {
  waitUntil,
  ManagedProcess,
  type WaitOptions,
  type ProcessSpec,
  type ManagedProcessOptions,
} from '@junction/test-support';
export { httpOk, grpcServing, healthClient } from './readiness-probes';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
export {
  startShop,
  startApp,
  startDevRegistry,
  awaitReady,
  shopAppEnv,
  shopServices,
  withEveryService,
  FAST_DISCOVERY_ENV,
  type ShopService,
  type ShopPorts,
  type ShopOptions,
  type RunningShop,
} from './shop-stack';
export {
  runDevRegistry,
  spawnDevRegistry,
  consulAnswers,
  type DevRegistryOptions,
  type RunningDevRegistry,
} from './dev-registry';
export { WORKSPACE_ROOT } from './workspace-root';
export {
  steadyLoad,
  summarize,
  failedAnswers,
  latencyFigures,
  describeLatency,
  type LoadAnswer,
  type LoadResult,
  type LoadOptions,
  type LatencyFigures,
} from './steady-load';
export {
  scrapeMetrics,
  parsePrometheusText,
  type Scrape,
  type MetricSample,
} from './prometheus-scrape';
export { putKv, deleteKv, passingInstanceIds } from './consul-kv';
export { startRedisServer, type RedisServer } from './redis-server';
export { startPostgresServer, postgresBinDir, type PostgresServer } from './postgres-server';
export { shareApiKey, sharedApiKeyHeader } from './shared-api-key';
export { stackCallerMetadata } from './caller-metadata';
export { createStackApiKey } from './stack-api-key';
export { processLogFiles, type ProcessLogFiles } from './process-log-files';
