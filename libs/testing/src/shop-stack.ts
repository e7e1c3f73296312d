import path from 'node:path';
import { ManagedProcess, waitUntil, type ManagedProcessOptions } from '@junction/test-support';
import { consulAnswers, spawnDevRegistry } from './dev-registry';
import { WORKSPACE_ROOT } from './workspace-root';
import { grpcServing, httpOk } from './readiness-probes';

export const SHOP_SERVICES = ['catalog', 'inventory', 'reviews', 'orders'] as const;
export type ShopService = (typeof SHOP_SERVICES)[number];
export type ShopPorts = Readonly<Record<ShopService | 'gateway' | 'registry', number>>;

/** The documented defaults; `npm start` uses them unless *_PORT says otherwise. */
export const DEFAULT_SHOP_PORTS: ShopPorts = {
  registry: 8500,
  gateway: 8080,
  catalog: 9101,
  inventory: 9102,
  reviews: 9103,
  orders: 9104,
};

export interface ShopOptions extends ManagedProcessOptions {
  readonly ports: ShopPorts;
  readonly host?: string;
  /** Environment every process gets (on top of its own ports and upstreams). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly readyTimeoutMs?: number;
  /** A Consul that already answers; when absent the dev registry is started on ports.registry. */
  readonly consulAddress?: string;
  /**
   * Run the gateway with its public rate limits, as `npm start` does. Test
   * stacks leave this off and get a limit no test reaches (see below).
   */
  readonly publicRateLimits?: boolean;
}

export interface RunningShop {
  readonly gatewayUrl: string;
  readonly processes: ReadonlyMap<string, ManagedProcess>;
  readonly ports: ShopPorts;
  stop(): Promise<void>;
}

const upper = (name: string) => name.toUpperCase();

/**
 * Environment of one app: its own address and where the registry is. No app
 * is told another's address: they find each other in the registry.
 */
export function shopAppEnv(
  name: ShopService | 'gateway',
  ports: ShopPorts,
  host: string,
  consulAddress = `http://${host}:${ports.registry}`,
): Record<string, string> {
  return {
    CONSUL_HTTP_ADDR: consulAddress,
    [`${upper(name)}_HOST`]: host,
    [`${upper(name)}_PORT`]: String(ports[name]),
    OTEL_SERVICE_NAME: name,
  };
}

/**
 * Registry timings for tests that kill and start instances: checks every
 * second, keep-alive twice a second, a short wait and grace.
 */
export const FAST_DISCOVERY_ENV: Readonly<Record<string, string>> = {
  CHECK_INTERVAL: '1s',
  CHECK_TIMEOUT: '500ms',
  REGISTRATION_KEEPALIVE_MS: '500',
  DISCOVERY_WAIT_MS: '10000',
  DEREGISTER_GRACE_MS: '500',
};

/**
 * The suites drive the gateway with bursts of requests from one IP, far over
 * the public per-client rate limit. The limiter stays on, with a limit no test
 * reaches; a suite that tests limits sets its own (options.env wins).
 */
const HARNESS_GATEWAY_ENV: Readonly<Record<string, string>> = {
  RATE_LIMIT_POINTS: '1000000',
};

/** Starts one built app as `node --require @junction/telemetry/preload apps/<name>/dist/main.js`. */
export function startApp(
  name: ShopService | 'gateway',
  options: ShopOptions,
  extraEnv: Readonly<Record<string, string>> = {},
): ManagedProcess {
  const host = options.host ?? '127.0.0.1';
  return new ManagedProcess(
    {
      name,
      command: process.execPath,
      args: [
        '--require',
        '@junction/telemetry/preload',
        path.join('apps', name, 'dist', 'main.js'),
      ],
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        ...(name === 'gateway' && !options.publicRateLimits ? HARNESS_GATEWAY_ENV : {}),
        ...options.env,
        ...shopAppEnv(name, options.ports, host, options.consulAddress),
        ...extraEnv,
      },
    },
    options,
  );
}

/** Waits for `check`, failing at once (with its last lines) if the process dies. */
export async function awaitReady(
  proc: ManagedProcess,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  await waitUntil(
    async () => {
      if (!proc.running) {
        throw new Error(
          `${proc.spec.name} exited while starting:\n${proc.lines.slice(-15).join('\n')}`,
        );
      }
      return check();
    },
    { timeoutMs, what: `${proc.spec.name} to be ready`, intervalMs: 50 },
  );
}

/** The dev registry (Consul's HTTP API) as a process, on ports.registry. */
export const startDevRegistry = (
  options: ShopOptions,
  extraEnv: Readonly<Record<string, string>> = {},
) =>
  spawnDevRegistry({
    port: options.ports.registry,
    host: options.host,
    env: { ...options.env, ...extraEnv },
    onLine: options.onLine,
  });

/**
 * The registry (unless a Consul is given), the four services and the
 * gateway as separate processes; ready when every service reports SERVING
 * and the gateway's /readyz (every upstream has instances) answers 200.
 */
export async function startShop(options: ShopOptions): Promise<RunningShop> {
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const processes = new Map<string, ManagedProcess>();
  // Apps first, the registry last: stopping services deregister from it.
  const stop = async () => {
    const apps = [...processes.entries()].filter(([name]) => name !== 'registry');
    await Promise.all(apps.map(([, proc]) => proc.stop()));
    await processes.get('registry')?.stop();
  };
  try {
    if (!options.consulAddress) {
      const registry = startDevRegistry(options);
      processes.set('registry', registry);
      await awaitReady(
        registry,
        () => consulAnswers(`http://${host}:${options.ports.registry}`),
        timeoutMs,
      );
    }
    const services = SHOP_SERVICES.map((service) => {
      const proc = startApp(service, options);
      processes.set(service, proc);
      return awaitReady(proc, () => grpcServing(`${host}:${options.ports[service]}`), timeoutMs);
    });
    const gateway = startApp('gateway', options);
    processes.set('gateway', gateway);
    await Promise.all(services);
    const gatewayUrl = `http://${host}:${options.ports.gateway}`;
    await awaitReady(gateway, () => httpOk(`${gatewayUrl}/readyz`), timeoutMs);
    return { gatewayUrl, processes, ports: options.ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
