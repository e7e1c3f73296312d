import { awaitReady, httpOk, startApp, type ManagedProcess } from '@junction/testing';
import { REGISTRY_URL, SERVICE_PORTS } from './edge-ports';

export interface RunningGateway {
  readonly url: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

const upstream = (port: number) => `127.0.0.1:${port}`;

/** Upstreams at fixed addresses (the global setup's services), so no KV watch either. */
export const STATIC_UPSTREAMS = {
  DISCOVERY: 'static',
  UPSTREAM_CATALOG: upstream(SERVICE_PORTS.catalog),
  UPSTREAM_INVENTORY: upstream(SERVICE_PORTS.inventory),
  UPSTREAM_REVIEWS: upstream(SERVICE_PORTS.reviews),
  UPSTREAM_ORDERS: upstream(SERVICE_PORTS.orders),
};

/** Upstreams and runtime configuration (KV) from the global setup's dev registry. */
export const REGISTRY_DISCOVERY = { DISCOVERY: 'consul', DISCOVERY_WAIT_MS: '5000' };

/** A built gateway on `port`, ready when its /readyz answers 200. */
export async function startGateway(
  port: number,
  env: Readonly<Record<string, string>>,
): Promise<RunningGateway> {
  const proc = startApp(
    'gateway',
    {
      ports: { ...SERVICE_PORTS, gateway: port },
      consulAddress: REGISTRY_URL,
      env: { LOG_LEVEL: 'info', ...env },
    },
    // One name per gateway in failure output.
    { OTEL_SERVICE_NAME: `gateway-${port}` },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await awaitReady(proc, () => httpOk(`${url}/readyz`), 20_000);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { url, process: proc, stop: async () => void (await proc.stop()) };
}

/** Log lines of a gateway that contain `text`. */
export const logLines = (gateway: RunningGateway, text: string): string[] =>
  gateway.process.lines.filter((line) => line.includes(text));
