export { loadConfig, ConfigError } from './load-config';
export { portField, hostField, millisField, logLevelField } from './env-fields';
export { grpcServiceEnv, type GrpcServiceConfig } from './grpc-service-env';
export { envPrefix } from './env-prefix';
export { discoveryEnv, registrationEnv, upstreamAddressesField } from './discovery-env';
export { metricsEnv } from './metrics-env';
