import type { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { Server } from '@grpc/grpc-js';
import type { ServiceDefinition } from '@junction/contracts';
import { flushTelemetry, PinoNestLogger, type Logger } from '@junction/telemetry';
import { protoPackageOf, toPackageDefinition } from './package-definition';
import { ServingHealth } from './serving-health';
import { StatusErrorFilter } from './status-error.filter';
import { TraceServerInterceptor } from './trace-server.interceptor';

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
}

export interface RunningGrpcService {
  readonly app: INestMicroservice;
  readonly health: ServingHealth;
  /** NOT_SERVING, drain in-flight calls, flush spans. Idempotent. */
  shutdown(reason: string): Promise<void>;
}

/**
 * Runs a Nest gRPC microservice with Junction's lifecycle: health reports
 * SERVING only once bound; on SIGTERM/SIGINT it turns NOT_SERVING, drains
 * in-flight calls (forcing after drainTimeoutMs) and exits 0.
 */
export async function runGrpcService(options: GrpcServiceOptions): Promise<RunningGrpcService> {
  const { logger } = options;
  const health = new ServingHealth(options.services.map((s) => s.fullName));
  let grpcServer: Server | undefined;
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(options.module, {
    logger: new PinoNestLogger(logger),
    transport: Transport.GRPC,
    options: {
      url: `${options.host}:${options.port}`,
      package: [...new Set(options.services.map(protoPackageOf))],
      packageDefinition: toPackageDefinition(options.services),
      onLoadPackageDefinition: (_definition: unknown, server: Server) => {
        grpcServer = server;
        health.attachTo(server);
      },
      gracefulShutdown: true,
    },
  });
  app.useGlobalInterceptors(new TraceServerInterceptor());
  app.useGlobalFilters(new StatusErrorFilter(logger));
  await app.listen();
  health.set('SERVING');
  logger.info({ address: `${options.host}:${options.port}` }, 'gRPC server serving');

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    closing ??= (async () => {
      logger.info({ reason }, 'shutting down: NOT_SERVING, draining in-flight calls');
      health.set('NOT_SERVING');
      const force = setTimeout(() => {
        logger.warn(
          { drainTimeoutMs: options.drainTimeoutMs },
          'drain timed out; cancelling remaining calls',
        );
        grpcServer?.forceShutdown();
      }, options.drainTimeoutMs);
      await app.close();
      clearTimeout(force);
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
  return { app, health, shutdown };
}
