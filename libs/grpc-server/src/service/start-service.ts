import {
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import { envPrefix, loadConfig, type GrpcServiceConfig } from '@junction/config';
import { discoveryLogHooks, serviceRegistration } from '@junction/discovery';
import { processRegistry, RuntimeConfigMetrics } from '@junction/metrics';
import { createLogger } from '@junction/telemetry';
import { faultSource } from '../faults/fault-source';
import { runGrpcService, type RunningGrpcService } from '../grpc-service.runner';
import {
  SERVICE_CONFIG,
  SERVICE_DATABASE,
  SERVICE_METRICS,
  type OpenedDatabase,
  type ServiceDeclaration,
  type ServiceRuntime,
} from './service-declaration';

export type Env = Readonly<Record<string, string | undefined>>;

export interface StartServiceOptions {
  /** Default process.env. */
  readonly env?: Env;
  /** Default true: SIGTERM/SIGINT shut down and exit 0 (tests call shutdown). */
  readonly handleSignals?: boolean;
}

const DEFAULT_VERSION = '0.1.0';
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Holds the runtime's providers for every module of the service. */
@Module({})
class ServiceRuntimeModule {}

/** `catalog.v1` of `catalog.v1.CatalogService`. */
const protoPackageOf = (fullName: string) => fullName.slice(0, fullName.lastIndexOf('.'));

/** The listen address, read under the service's own prefix. */
function listenAddress(name: string, config: GrpcServiceConfig) {
  const prefix = envPrefix(name);
  const values = config as unknown as Record<string, unknown>;
  const host = values[`${prefix}_HOST`];
  const port = values[`${prefix}_PORT`];
  if (typeof host !== 'string' || typeof port !== 'number') {
    throw new Error(
      `the config of ${name} has no ${prefix}_HOST / ${prefix}_PORT: build it with grpcServiceEnv('${prefix}', <port>)`,
    );
  }
  return { host, port };
}

/**
 * Starts a declared service: config parsed once, a trace-aware logger, the
 * process's metrics registry and server, faults watched in the registry,
 * this instance registered once serving, and drained on shutdown.
 */
export async function startService<C extends GrpcServiceConfig>(
  declaration: ServiceDeclaration<C>,
  { env = process.env, handleSignals = true }: StartServiceOptions = {},
): Promise<RunningGrpcService> {
  const { name } = declaration;
  if (!KEBAB_CASE.test(name)) throw new Error(`service name "${name}" must be kebab-case`);
  if (declaration.services.length === 0) throw new Error(`${name} declares no gRPC service`);
  const config = loadConfig(declaration.config, env);
  const { host, port } = listenAddress(name, config);
  const logger = createLogger({ name, level: config.LOG_LEVEL });
  const registry = processRegistry();
  const metrics = { registry, runtimeConfig: new RuntimeConfigMetrics(registry) };
  // Before Nest builds anything: a service whose database cannot be migrated does not start.
  const database = await declaration.database?.open({ service: name, config, logger });
  const runtime: ServiceRuntime<C> = { name, config, logger, metrics, database: database?.db };
  const own = declaration.module;
  const root: DynamicModule = {
    module: ServiceRuntimeModule,
    global: true,
    imports: [isModuleFactory(own) ? own(runtime) : own],
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: SERVICE_METRICS, useValue: metrics },
      ...(database ? databaseProviders(database) : []),
    ],
    exports: [SERVICE_CONFIG, SERVICE_METRICS, ...(database ? [SERVICE_DATABASE] : [])],
  };
  return runGrpcService({
    module: root,
    services: declaration.services,
    host,
    port,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    serverTransport: config.GRPC_SERVER_TRANSPORT,
    internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
    deregisterGraceMs: config.DEREGISTER_GRACE_MS,
    handleSignals,
    metrics: { registry, host: config.METRICS_HOST ?? host, port: config.METRICS_PORT },
    faults: faultSource({
      service: name,
      settings: config,
      logger,
      observer: metrics.runtimeConfig,
    }),
    registration: ({ metricsPort }) =>
      serviceRegistration(
        config,
        {
          name,
          listenHost: host,
          port,
          metricsPort,
          meta: {
            version: declaration.version ?? DEFAULT_VERSION,
            proto_package: protoPackageOf(declaration.services[0].fullName),
          },
        },
        discoveryLogHooks(logger),
      ),
  });
}

/** The database for injection, closed once Nest has shut everything that uses it down. */
function databaseProviders(database: OpenedDatabase): Provider[] {
  class DatabaseCloser implements OnApplicationShutdown {
    onApplicationShutdown(): Promise<void> {
      return database.close();
    }
  }
  return [{ provide: SERVICE_DATABASE, useValue: database.db }, DatabaseCloser];
}

/** An arrow function building the module (a module class has a prototype; an arrow has none). */
const isModuleFactory = <C extends GrpcServiceConfig>(
  module: ServiceDeclaration<C>['module'],
): module is (runtime: ServiceRuntime<C>) => Type<unknown> | DynamicModule =>
  typeof module === 'function' && module.prototype === undefined;
