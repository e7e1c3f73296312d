import 'reflect-metadata';
import { loadConfig } from '@junction/config';
import { createLogger, exitOnSignal } from '@junction/telemetry';
import { startConsole } from './console.app';
import { consoleConfigSchema } from './config/console.config';

async function bootstrap(): Promise<void> {
  const config = loadConfig(consoleConfigSchema);
  const logger = createLogger({ name: 'console', level: config.LOG_LEVEL });
  const running = await startConsole(config, logger);
  logger.info(
    {
      url: `${running.url}/?token=${running.token}`,
      otlp: running.otlpUrl,
      tokenGenerated: config.CONSOLE_TOKEN === undefined,
    },
    'console listening',
  );

  exitOnSignal(logger, () => running.close());
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `console failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
