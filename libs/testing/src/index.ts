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
  consulAnswers,
  awaitReady,
  shopAppEnv,
  SHOP_SERVICES,
  DEFAULT_SHOP_PORTS,
  WORKSPACE_ROOT,
  type ShopService,
  type ShopPorts,
  type ShopOptions,
  type RunningShop,
} from './shop-stack';
