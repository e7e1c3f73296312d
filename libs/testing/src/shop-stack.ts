import type { NewApiKey } from '@junction/auth';
import {
  addressEnv,
  appEnv,
  appProcessSpec,
  discoverApps,
  launch,
  ManagedProcess,
  nextFreePort,
  type AppDefinition,
  type AppEnvContext,
  type Env,
  type LauncherEvent,
  type ManagedProcessOptions,
  type RestartBackoff,
  type RunningPlatform,
} from '@junction/launcher';
import { createStackApiKey } from './stack-api-key';
import { WORKSPACE_ROOT } from './workspace-root';

/** A service of the workspace (any app tagged role:service). */
export type ShopService = string;
/** Where the registry, the gateway and each service listen. */
export interface ShopPorts {
  readonly registry: number;
  readonly gateway: number;
  readonly [service: string]: number;
}

/**
 * The services the stacks start: every app the workspace tags role:service
 * (a generated one too), by name.
 */
export const shopServices = (): ShopService[] =>
  discoverApps(WORKSPACE_ROOT)
    .filter((app) => app.role === 'service')
    .map((app) => app.name);

/**
 * A suite's ports with one for every workspace service it does not name (a
 * service added since the suite was written): the next free ones after the
 * suite's highest, so each suite's range stays its own.
 */
export async function withEveryService(ports: ShopPorts, host = '127.0.0.1'): Promise<ShopPorts> {
  const taken = new Set(Object.values(ports));
  const complete: Record<string, number> = { ...ports };
  let from = Math.max(...taken) + 1;
  for (const service of shopServices().filter((name) => ports[name] === undefined)) {
    complete[service] = await nextFreePort(from, taken, host);
    taken.add(complete[service]);
    from = complete[service] + 1;
  }
  return complete as ShopPorts;
}

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
  /**
   * Start the console too, on these ports, as `npm start` does (every app
   * then exports its spans to it, all sampled). Test stacks run without one.
   */
  readonly console?: { readonly port: number; readonly otlpPort: number; readonly token?: string };
  /**
   * Run every app from its bundle in this folder (`<project>/main.js`, copies
   * of dist/bundles/<project>) with plain node, instead of from the workspace.
   */
  readonly bundlesDir?: string;
  /** Send every output line to the console as OTLP logs (with `console` only). */
  readonly forwardLogs?: boolean;
  /** Restart a process that exits unexpectedly, with this backoff; off unless given. */
  readonly autoRestart?: RestartBackoff;
  /** The launcher's notices (an unexpected exit, a restart); default: onLine('launcher', …). */
  readonly onEvent?: (event: LauncherEvent) => void;
}

export interface RunningShop {
  readonly gatewayUrl: string;
  /** An API key (owner e2e, scope orders) the gateway already accepts, for routes that need one. */
  readonly apiKey: string;
  /** A new key in the stack's KV, resolved once the gateway accepts it. */
  createApiKey(owner: string, scopes?: readonly string[]): Promise<NewApiKey>;
  /** The current process of each app (kept current across restarts). */
  readonly processes: ReadonlyMap<string, ManagedProcess>;
  readonly ports: ShopPorts;
  /** The launcher behind the stack: supervisor, control API, console URLs. */
  readonly platform: RunningPlatform;
  stop(): Promise<void>;
}

/** The app named `name` as the workspace declares it (its role:* tag). */
function shopApp(name: string): AppDefinition {
  const app = discoverApps(WORKSPACE_ROOT).find((candidate) => candidate.name === name);
  if (!app) throw new Error(`no app "${name}" with a role:* tag under apps/`);
  return app;
}

const placement = (options: ShopOptions): AppEnvContext => {
  const host = options.host ?? '127.0.0.1';
  return {
    host,
    ports: { apps: options.ports },
    consulAddress: options.consulAddress ?? `http://${host}:${options.ports.registry}`,
  };
};

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
  return addressEnv(shopApp(name), { host, ports: { apps: ports }, consulAddress });
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
  // Suites send bad credentials on purpose; the auth suite sets its own limit.
  AUTH_FAILURE_LIMIT: '1000000',
};

/**
 * One caller-signing secret for every process a stack starts, whether the
 * launcher starts it or a suite does later (startApp): the launcher's
 * per-run secret would not reach the latter.
 */
export const HARNESS_INTERNAL_TOKEN_SECRET = 'junction-test-stacks-only-caller-signing-secret';

/**
 * Test stacks keep each service's embedded database in memory: suites run
 * side by side, and `npm start`'s folder (.data/) is the developer's. A
 * suite that tests persistence sets DATABASE_URL or DATABASE_DIR itself.
 */
const HARNESS_SERVICE_ENV: Readonly<Record<string, string>> = {
  DATABASE_DIR: 'memory://',
};

const baseEnv = (app: AppDefinition, options: ShopOptions): Env => ({
  ...process.env,
  ...(app.role === 'service' || app.role === 'gateway'
    ? { INTERNAL_TOKEN_SECRET: HARNESS_INTERNAL_TOKEN_SECRET }
    : {}),
  ...(app.role === 'service' ? HARNESS_SERVICE_ENV : {}),
  ...(app.role === 'gateway' && !options.publicRateLimits ? HARNESS_GATEWAY_ENV : {}),
  ...options.env,
});

/**
 * Starts one built app as `node --require @junction/telemetry/preload apps/<name>/dist/main.js`
 * (or its bundle, with options.bundlesDir).
 */
export function startApp(
  name: ShopService | 'gateway',
  options: ShopOptions,
  extraEnv: Readonly<Record<string, string>> = {},
): ManagedProcess {
  const app = shopApp(name);
  const env = { ...appEnv(app, placement(options), baseEnv(app, options)), ...extraEnv };
  return new ManagedProcess(appProcessSpec(app, env, WORKSPACE_ROOT, options.bundlesDir), options);
}

/** Waits for `check`, failing at once (with its last lines) if the process dies. */
export { awaitReady } from '@junction/launcher';

/** The dev registry (Consul's HTTP API) as a process, on ports.registry. */
export function startDevRegistry(
  options: ShopOptions,
  extraEnv: Readonly<Record<string, string>> = {},
): ManagedProcess {
  const registry = discoverApps(WORKSPACE_ROOT).find((app) => app.role === 'registry');
  if (!registry) throw new Error('no app with role:registry under apps/');
  const env = {
    ...process.env,
    ...options.env,
    ...extraEnv,
    ...addressEnv(registry, placement(options)),
  };
  return new ManagedProcess(
    appProcessSpec(registry, env, WORKSPACE_ROOT, options.bundlesDir),
    options,
  );
}

/**
 * The registry (unless a Consul is given), every workspace service and the
 * gateway (and the console when asked) as supervised processes, started by
 * the launcher `npm start` uses; ready when every service reports SERVING
 * and the gateway's /readyz (every upstream has instances) answers 200.
 */
export async function startShop(options: ShopOptions): Promise<RunningShop> {
  const ports = await withEveryService(options.ports, options.host);
  const names = new Set<string>([
    'registry',
    ...shopServices(),
    'gateway',
    ...(options.console ? ['console'] : []),
  ]);
  const apps = discoverApps(WORKSPACE_ROOT).filter((app) => names.has(app.name));
  const missing = [...names].filter((name) => !apps.some((app) => app.name === name));
  if (missing.length) throw new Error(`no role:* tagged app for ${missing.join(', ')}`);
  const processes = new Map<string, ManagedProcess>();
  const platform = await launch({
    workspaceRoot: WORKSPACE_ROOT,
    bundlesDir: options.bundlesDir,
    apps,
    ports: {
      apps: { ...ports, ...(options.console ? { console: options.console.port } : {}) },
      ...(options.console ? { consoleOtlp: options.console.otlpPort } : {}),
    },
    host: options.host,
    env: (app) => baseEnv(app, options),
    consulAddress: options.consulAddress,
    ...(options.console?.token ? { console: { token: options.console.token } } : {}),
    forwardLogs: options.forwardLogs ?? false,
    autoRestart: options.autoRestart,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    onLine: options.onLine,
    onSpawn: (name, proc) => processes.set(name, proc),
    onEvent: options.onEvent ?? ((event) => options.onLine?.('launcher', event.message, 'stderr')),
  });
  // A suite may swap a process of its own in (bench/run.mjs restarts the
  // gateway with other settings); those are stopped too, before the rest.
  const stop = async () => {
    const supervised = new Set(
      platform.supervisor.names.map((name) => platform.supervisor.get(name)?.current),
    );
    await Promise.all(
      [...processes.values()].filter((proc) => !supervised.has(proc)).map((proc) => proc.stop()),
    );
    await platform.stop();
  };
  const gatewayUrl = `http://${options.host ?? '127.0.0.1'}:${options.ports.gateway}`;
  const createApiKey = (owner: string, scopes?: readonly string[]) =>
    createStackApiKey(platform.consulAddress, gatewayUrl, owner, scopes);
  try {
    const { key: apiKey } = await createApiKey('e2e');
    return { gatewayUrl, apiKey, createApiKey, processes, ports, platform, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
