export {
  runGrpcService,
  type GrpcServiceOptions,
  type RunningGrpcService,
} from './grpc-service.runner';
export { toPackageDefinition, protoPackageOf } from './package-definition';
export { ServingHealth } from './serving-health';
export {
  StatusError,
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
export { parseRequest } from './request-validation';
export type { GrpcHandlers } from './grpc-handlers.types';
