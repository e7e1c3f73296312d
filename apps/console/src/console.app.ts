import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger, type Logger } from '@junction/telemetry';
import type { AddressInfo } from 'node:net';
import { API_KEYS_PATH } from './api-keys/api-keys.controller';
import type { ConsoleConfig } from './config/console.config';
import { isLoopbackHost } from './config/loopback';
import { createConsoleCore, type ConsoleCore } from './console-core';
import { ConsoleModule } from './console.module';
import { ProblemFilter } from './http/problem.filter';
import { otlpReceiver } from './otlp/otlp-receiver.server';
import { consoleToken } from './security/console-token';
import { HostAllowList } from './security/host-allow-list';
import { requestGuard } from './security/request-guard.hook';
import { securityHeaders } from './security/security-headers';
import { uiDir } from './ui/ui-dir';
import { serveUi } from './ui/ui-static';

export interface RunningConsole {
  /** `http://host:port` of the UI and API. */
  readonly url: string;
  /** `http://host:port` of the OTLP receiver, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly otlpUrl: string;
  readonly token: string;
  readonly core: ConsoleCore;
  close(): Promise<void>;
}

const urlOf = (host: string, port: number) =>
  `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;

/** Starts the console: the UI/API server, the OTLP receiver and the platform poller. */
export async function startConsole(config: ConsoleConfig, logger: Logger): Promise<RunningConsole> {
  const token = consoleToken(config.CONSOLE_TOKEN);
  const core = createConsoleCore(config, logger);
  const hosts = new HostAllowList(config.CONSOLE_HOST, config.CONSOLE_ALLOWED_HOSTS);

  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(
    ConsoleModule.register(core, Math.min(config.CONSOLE_REFRESH_MS, 1000)),
    adapter,
    { logger: new PinoNestLogger(logger) },
  );
  const fastify = adapter.getInstance();
  let apiPort = config.CONSOLE_PORT;
  fastify.addHook('onRequest', securityHeaders);
  fastify.addHook(
    'onRequest',
    requestGuard({
      token,
      hosts,
      port: () => apiPort,
      tokenForReads: !isLoopbackHost(config.CONSOLE_HOST),
      tokenForReadsUnder: [API_KEYS_PATH],
    }),
  );
  await serveUi(fastify, uiDir(config.CONSOLE_UI_DIR));
  app.useGlobalFilters(new ProblemFilter(logger));
  await app.listen(config.CONSOLE_PORT, config.CONSOLE_HOST);
  apiPort = (app.getHttpServer().address() as AddressInfo).port;

  let otlpPort = config.CONSOLE_OTLP_PORT;
  const otlp = otlpReceiver({
    ingest: core.ingest,
    maxBytes: config.CONSOLE_OTLP_MAX_BYTES,
    apiKey: config.CONSOLE_OTLP_API_KEY,
    hosts,
    port: () => otlpPort,
    logger,
  });
  try {
    await otlp.listen({ port: config.CONSOLE_OTLP_PORT, host: config.CONSOLE_HOST });
  } catch (error) {
    await app.close();
    throw error;
  }
  otlpPort = (otlp.server.address() as AddressInfo).port;
  core.platform.start();

  const url = urlOf(config.CONSOLE_HOST, apiPort);
  return {
    url,
    otlpUrl: urlOf(config.CONSOLE_HOST, otlpPort),
    token,
    core,
    close: async () => {
      await core.platform.stop();
      await Promise.all([otlp.close(), app.close()]);
    },
  };
}
