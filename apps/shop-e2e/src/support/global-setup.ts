import { processLogFiles, shareApiKey, startOtlpReceiver, startShop } from '@junction/testing';
import { E2E_PORTS, OTLP_RECEIVER_PORT } from './e2e-ports';
import { setStack } from './stack-handle';

/** Starts the test collector and the shop; process logs go to tmp/e2e-logs/. */
export default async function globalSetup(): Promise<void> {
  const logs = processLogFiles('e2e-logs');
  const receiver = await startOtlpReceiver(OTLP_RECEIVER_PORT);
  const shop = await startShop({
    ports: E2E_PORTS,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
    },
    onLine: (name, line) => logs.write(name, line),
  });
  shareApiKey(shop.apiKey);
  setStack({ receiver, shop, logs });
}
