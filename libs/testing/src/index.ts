export { waitUntil, type WaitOptions } from './wait-until';
export { ManagedProcess, type ProcessSpec, type ManagedProcessOptions } from './managed-process';
export { httpOk, grpcServing, healthClient } from './readiness-probes';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
export {
  startShop,
  startApp,
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
