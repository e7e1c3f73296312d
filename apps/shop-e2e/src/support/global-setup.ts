import { startOtlpReceiver, startShop, WORKSPACE_ROOT } from '@junction/testing';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { E2E_PORTS, OTLP_RECEIVER_PORT } from './e2e-ports';
import { setStack } from './stack-handle';

/** Starts the test collector and the shop; process logs go to tmp/e2e-logs/. */
export default async function globalSetup(): Promise<void> {
  const logDir = path.join(WORKSPACE_ROOT, 'tmp', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const logs = new Map<string, WriteStream>();
  const logTo = (name: string) => {
    let stream = logs.get(name);
    if (!stream) logs.set(name, (stream = createWriteStream(path.join(logDir, `${name}.log`))));
    return stream;
  };
  const receiver = await startOtlpReceiver(OTLP_RECEIVER_PORT);
  const shop = await startShop({
    ports: E2E_PORTS,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
    },
    onLine: (name, line) => logTo(name).write(`${line}\n`),
  });
  setStack({ receiver, shop, logs: [...logs.values()] });
}
