import type { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InternalTokens } from '@junction/auth';
import type { ServiceDefinition } from '@junction/contracts';
import {
  rpcServerDuration,
  startMetricsServer,
  type MetricsServer,
  type Registry,
} from '@junction/metrics';
import { flushTelemetry, PinoNestLogger, type Logger } from '@junction/telemetry';
import type { FaultSource } from './faults/fault-source';
import { ServingHealth } from './health/serving-health';
import { JunctionGrpcStrategy } from './nest/junction-grpc.strategy';
import { RethrowToChainFilter } from './nest/rethrow-to-chain.filter';
import { serverChain } from './server-chain';
import {
  createServerTransport,
  type ServerTransportKind,
} from './transport/server-transport.factory';

export interface GrpcServiceOptions {
  /** The Nest module holding the @GrpcMethod controllers. */
  readonly module: Type<unknown> | DynamicModule;
  /** Generated definitions of the services this process serves. */
  readonly services: readonly ServiceDefinition[];
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  /** How long in-flight calls may take to finish after SIGTERM. */
  readonly drainTimeoutMs: number;
  /** Shut down and exit 0 on SIGTERM/SIGINT (default true; tests call shutdown). */
  readonly handleSignals?: boolean;
  /**
   * Where this process serves its metrics (METRICS_HOST/METRICS_PORT; port
   * 0: any free one). Every call is timed into the registry
   * (rpc_server_call_duration_seconds). None when absent.
   */
  readonly metrics?: MetricsEndpoint;
  /**
   * This instance in the service registry, when there is one. Built once the
   * metrics server is bound, so the entry can advertise the port it got.
   */
  readonly registration?: (bound: BoundEndpoints) => Registration | undefined;
  /**
   * After deregistering, how long to keep serving before draining: callers'
   * watches need a moment to drop this instance, and calls they route here
   * meanwhile must still be answered, not refused. Default 1000 ms.
   */
  readonly deregisterGraceMs?: number;
  /** Injected latency and errors (see faultSource); none when absent. Stopped on shutdown. */
  readonly faults?: FaultSource;
  /** The wire server (GRPC_SERVER_TRANSPORT): the lean node:http2 one (default) or grpc-js. */
  readonly serverTransport?: ServerTransportKind;
  /** INTERNAL_TOKEN_SECRET: verifies the caller identity the gateway signs. */
  readonly internalTokenSecret?: string;
}

export interface MetricsEndpoint {
  /** The process's one registry (processRegistry() from @junction/metrics). */
  readonly registry: Registry;
  readonly host: string;
  readonly port: number;
}

/** What is known only once bound. */
export interface BoundEndpoints {
  /** The metrics server's port, when there is one: advertise it as metrics_port. */
  readonly metricsPort?: number;
}

/** What the runner needs of a registry entry (ServiceRegistration in @junction/discovery). */
export interface Registration {
  /** The registry's id of this instance: fault injection can aim at it. */
  readonly id?: string;
  register(): Promise<void>;
  /** Keeps the entry alive in the background (re-registers if the registry forgot it). */
  keepRegistered(): void;
  deregister(): Promise<void>;
}

/** Deregistering must not hold up a shutdown when the registry is down. */
const DEREGISTER_TIMEOUT_MS = 2000;

export interface RunningGrpcService {
  readonly app: INestMicroservice;
  readonly health: ServingHealth;
  /** The metrics server, when options.metrics asked for one. */
  readonly metrics?: MetricsServer;
  /** NOT_SERVING, drain in-flight calls, flush spans. Idempotent. */
  shutdown(reason: string): Promise<void>;
}

/**
 * Runs a Nest gRPC microservice with Junction's lifecycle: metrics served
 * first (the registry entry advertises their port); health reports SERVING
 * only once bound; on SIGTERM/SIGINT it turns NOT_SERVING, drains in-flight
 * calls (forcing after drainTimeoutMs) and exits 0.
 */
export async function runGrpcService(options: GrpcServiceOptions): Promise<RunningGrpcService> {
  const { logger } = options;
  const metrics = options.metrics && (await startMetricsServer(options.metrics));
  if (metrics) logger.info({ url: metrics.url }, 'metrics served');
  const health = new ServingHealth(options.services.map((s) => s.fullName));
  // Built before the app, so the strategy can aim faults at this instance.
  const registration = options.registration?.({ metricsPort: metrics?.port });
  const strategy = new JunctionGrpcStrategy({
    services: options.services,
    endpoint: { host: options.host, port: options.port },
    transport: createServerTransport(options.serverTransport ?? 'http2'),
    health,
    middleware: serverChain({
      logger,
      duration: options.metrics && rpcServerDuration(options.metrics.registry),
      faults: options.faults,
      instanceId: registration?.id,
      callerTokens: options.internalTokenSecret
        ? new InternalTokens(options.internalTokenSecret)
        : undefined,
    }),
    drainTimeoutMs: options.drainTimeoutMs,
  });
  const app = await NestFactory.createMicroservice(options.module, {
    logger: new PinoNestLogger(logger),
    strategy,
  });
  app.useGlobalFilters(new RethrowToChainFilter());
  await app.listen();
  health.set('SERVING');
  logger.info({ address: `${options.host}:${options.port}` }, 'gRPC server serving');
  if (registration) {
    // Registered only once serving, so the registry's first probe passes. If
    // the registry is not up yet, the keep-alive registers as soon as it is.
    await registration.register().then(
      () => logger.info({ instance: registration.id }, 'registered in the service registry'),
      (error: unknown) => logger.warn({ err: error }, 'registration failed; will retry'),
    );
    registration.keepRegistered();
  }

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    closing ??= (async () => {
      if (registration) {
        // Leave the registry first, then keep answering for a grace period:
        // callers stop picking this instance before it stops answering.
        await withTimeout(registration.deregister(), DEREGISTER_TIMEOUT_MS).then(
          () => logger.info('deregistered from the service registry'),
          (error: unknown) => logger.warn({ err: error }, 'deregistration failed'),
        );
        await new Promise((resolve) => setTimeout(resolve, options.deregisterGraceMs ?? 1000));
      }
      logger.info({ reason }, 'shutting down: NOT_SERVING, draining in-flight calls');
      health.set('NOT_SERVING');
      const warn = setTimeout(
        () =>
          logger.warn(
            { drainTimeoutMs: options.drainTimeoutMs },
            'drain timed out; cancelling remaining calls',
          ),
        options.drainTimeoutMs,
      );
      // The strategy's close drains: GOAWAY, in-flight calls finish, the rest
      // cancelled after drainTimeoutMs.
      await app.close();
      clearTimeout(warn);
      await options.faults?.stop();
      await metrics?.close();
      await flushTelemetry();
      logger.info('stopped');
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })();
    return closing;
  };
  if (options.handleSignals ?? true) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void shutdown(signal).then(() => process.exit(0));
      });
    }
  }
  return { app, health, metrics, shutdown };
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
