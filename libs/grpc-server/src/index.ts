export {
  runGrpcService,
  type GrpcServiceOptions,
  type RunningGrpcService,
  type Registration,
  type MetricsEndpoint,
  type BoundEndpoints,
} from './grpc-service.runner';
export { toPackageDefinition } from './package-definition';
export { ServingHealth, type ServingStatus } from './health/serving-health';
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
  unimplemented,
} from './status.error';
export { grpcFailureOf, type GrpcFailure } from './status-error.trailers';
export { serverChain, type ServerChainOptions } from './server-chain';
export { callerIdentity, requireCaller } from './caller.accessor';
export type {
  InboundCall,
  RpcTarget,
  ServerCall,
  ServerHandler,
  ServerMiddleware,
} from './server-call.types';
export {
  JunctionGrpcStrategy,
  type JunctionGrpcStrategyOptions,
} from './nest/junction-grpc.strategy';
export type {
  UnaryServerTransport,
  UnaryRoute,
  WatchRoute,
  ServerRoutes,
  ServerEndpoint,
} from './transport/unary-server-transport.port';
export { Http2ServerTransport } from './transport/http2-server.transport';
export { GrpcJsServerTransport } from './transport/grpc-js-server.transport';
export {
  createServerTransport,
  SERVER_TRANSPORT_KINDS,
  type ServerTransportKind,
} from './transport/server-transport.factory';
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
export {
  SERVICE_CONFIG,
  SERVICE_METRICS,
  SERVICE_DATABASE,
  type DatabaseDeclaration,
  type OpenedDatabase,
  type ServiceDeclaration,
  type ServiceRuntime,
  type ServiceMetrics,
} from './service/service-declaration';
export { startService, type StartServiceOptions } from './service/start-service';
export { runService } from './service/run-service';
