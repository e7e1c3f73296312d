import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { reviewsV1 } from '@junction/contracts';
import { discoveryLogHooks, serviceRegistration } from '@junction/discovery';
import { faultSource, runGrpcService } from '@junction/grpc-server';
import { processRegistry, RuntimeConfigMetrics } from '@junction/metrics';
import { createLogger } from '@junction/telemetry';
import { reviewsConfigSchema } from './config/reviews.config';
import { ReviewsModule } from './reviews.module';

/** Advertised in the registry's service meta. */
const SERVICE_VERSION = '0.1.0';

async function bootstrap(): Promise<void> {
  const config = loadConfig(reviewsConfigSchema);
  const logger = createLogger({ name: 'reviews', level: config.LOG_LEVEL });
  const registry = processRegistry();
  await runGrpcService({
    module: ReviewsModule,
    services: [reviewsV1.ReviewsServiceDefinition],
    host: config.REVIEWS_HOST,
    port: config.REVIEWS_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    serverTransport: config.GRPC_SERVER_TRANSPORT,
    deregisterGraceMs: config.DEREGISTER_GRACE_MS,
    metrics: {
      registry,
      host: config.METRICS_HOST ?? config.REVIEWS_HOST,
      port: config.METRICS_PORT,
    },
    faults: faultSource({
      service: 'reviews',
      settings: config,
      logger,
      observer: new RuntimeConfigMetrics(registry),
    }),
    registration: ({ metricsPort }) =>
      serviceRegistration(
        config,
        {
          name: 'reviews',
          listenHost: config.REVIEWS_HOST,
          port: config.REVIEWS_PORT,
          metricsPort,
          meta: { version: SERVICE_VERSION, proto_package: 'reviews.v1' },
        },
        discoveryLogHooks(logger),
      ),
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `reviews failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
