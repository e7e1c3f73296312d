export {
  runGrpcService,
  type GrpcServiceOptions,
  type RunningGrpcService,
  type Registration,
  type MetricsEndpoint,
  type BoundEndpoints,
} from './grpc-service.runner';
export { toPackageDefinition, protoPackageOf } from './package-definition';
export { ServingHealth } from './serving-health';
export {
  StatusError,
  type StatusErrorOptions,
  Status,
  notFound,
  invalidArgument,
  failedPrecondition,
  alreadyExists,
  aborted,
  unavailable,
} from './status.error';
export { StatusErrorFilter } from './status-error.filter';
export { TraceServerInterceptor } from './trace-server.interceptor';
export { DeadlineServerInterceptor } from './deadline-server.interceptor';
export { RpcServerMetricsInterceptor } from './rpc-server-metrics.interceptor';
export {
  faultConfigSchema,
  faultsKey,
  NO_FAULTS,
  type FaultConfig,
} from './faults/fault-config.schema';
export { INJECTED_FAULT } from './faults/fault-decision';
export { faultSource, type FaultSource, type FaultSourceOptions } from './faults/fault-source';
export { parseRequest } from './request-validation';
export type { GrpcHandlers } from './grpc-handlers.types';
