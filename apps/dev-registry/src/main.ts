import { loadConfig } from '@junction/config';
import { createLogger, exitOnSignal } from '@junction/telemetry';
import { randomUUID } from 'node:crypto';
import { devRegistryConfigSchema } from './config/dev-registry.config';
import { createRegistry } from './registry.server';

function main(): void {
  const config = loadConfig(devRegistryConfigSchema);
  const logger = createLogger({ name: 'dev-registry', level: config.LOG_LEVEL });
  const registry = createRegistry({
    node: {
      name: config.DEV_REGISTRY_NODE,
      id: randomUUID(),
      address: '127.0.0.1',
      datacenter: config.DEV_REGISTRY_DATACENTER,
    },
    timeScale: config.DEV_REGISTRY_TIME_SCALE,
  });
  registry.server.listen(config.DEV_REGISTRY_PORT, config.DEV_REGISTRY_HOST, () => {
    logger.info(
      {
        address: `http://${config.DEV_REGISTRY_HOST}:${config.DEV_REGISTRY_PORT}`,
        timeScale: config.DEV_REGISTRY_TIME_SCALE,
      },
      'dev registry (Consul HTTP API) listening',
    );
  });
  registry.server.on('error', (error) => {
    logger.error({ err: error }, 'dev registry failed');
    process.exit(1);
  });
  exitOnSignal(logger, () => registry.close());
}

main();
