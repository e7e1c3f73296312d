export { loadConfig, ConfigError } from './load-config';
export { portField, hostField, millisField, logLevelField } from './env-fields';
export { grpcServiceEnv } from './grpc-service-env';
export { discoveryEnv, registrationEnv, upstreamAddressesField } from './discovery-env';
export { metricsEnv } from './metrics-env';
