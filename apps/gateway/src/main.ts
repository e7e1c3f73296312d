import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@junction/config';
import { startMetricsServer } from '@junction/metrics';
import {
  createLogger,
  exitOnSignal,
  flushTelemetry,
  PinoNestLogger,
  registerHttpTracing,
} from '@junction/telemetry';
import { gatewayConfigSchema } from './config/gateway.config';
import { registerAuthentication } from './edge/auth/authentication.hook';
import { EdgeAuthentication } from './edge/auth/edge-authentication';
import { ProblemDetailsFilter } from './edge/problem-details.filter';
import { LoadShedding } from './edge/shedding/load-shedding';
import { registerLoadShedding } from './edge/shedding/load-shedding.hook';
import { TRACE_ID_HEADER } from './edge/trace-id.header';
import { GatewayModule } from './gateway.module';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { registerHttpServerMetrics } from './metrics/http-server-metrics.hook';
import { setupOpenApi } from './openapi/openapi.setup';
import { registerGateway } from './registry/gateway-registration';
import { GatewayRuntimeConfig } from './runtime-config/gateway-runtime';
import { registerRouteDeadline } from './runtime-config/route-deadline.hook';

async function bootstrap(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema);
  const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
  const metrics = new GatewayMetrics();
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    return503OnClosing: true,
    trustProxy: config.TRUST_PROXY,
  });
  registerHttpTracing(adapter.getInstance(), { traceIdHeader: TRACE_ID_HEADER });
  registerHttpServerMetrics(adapter.getInstance(), metrics.edge.requestDuration);
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register(config, metrics),
    adapter,
    {
      logger: new PinoNestLogger(logger),
    },
  );
  // After the tracing hooks (a shed answer still carries X-Trace-Id), before
  // Nest routes anything: shedding first (an overloaded gateway verifies
  // nothing), then who the caller is, then the deadline; the rate-limit
  // guard comes next, as an APP_GUARD keyed on the verified identity.
  registerLoadShedding(adapter.getInstance(), app.get(LoadShedding));
  registerAuthentication(adapter.getInstance(), app.get(EdgeAuthentication));
  registerRouteDeadline(adapter.getInstance(), app.get(GatewayRuntimeConfig));
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  setupOpenApi(app);
  await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
  logger.info({ url: `http://${config.GATEWAY_HOST}:${config.GATEWAY_PORT}` }, 'gateway listening');
  const metricsServer = await startMetricsServer({
    registry: metrics.registry,
    host: config.METRICS_HOST ?? config.GATEWAY_HOST,
    port: config.METRICS_PORT,
  });
  logger.info({ url: metricsServer.url }, 'metrics served');

  const registration = await registerGateway(config, metricsServer.port, logger);

  exitOnSignal(logger, () =>
    registration
      .leave()
      .then(() => app.close())
      .then(() => metricsServer.close())
      .then(flushTelemetry),
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
