import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { reviewsV1 } from '@junction/contracts';
import { runGrpcService } from '@junction/grpc-server';
import { createLogger } from '@junction/telemetry';
import { reviewsConfigSchema } from './config/reviews.config';
import { ReviewsModule } from './reviews.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(reviewsConfigSchema);
  const logger = createLogger({ name: 'reviews', level: config.LOG_LEVEL });
  await runGrpcService({
    module: ReviewsModule,
    services: [reviewsV1.ReviewsServiceDefinition],
    host: config.REVIEWS_HOST,
    port: config.REVIEWS_PORT,
    logger,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `reviews failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
