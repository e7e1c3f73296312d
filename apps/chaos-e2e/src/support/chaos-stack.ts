import {
  awaitReady,
  consulAnswers,
  createStackApiKey,
  FAST_DISCOVERY_ENV,
  grpcServing,
  httpOk,
  passingInstanceIds,
  putKv,
  shopServices,
  startApp,
  startDevRegistry,
  waitUntil,
  WORKSPACE_ROOT,
  type ManagedProcess,
  type ShopOptions,
  type ShopService,
  withEveryService,
} from '@junction/testing';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { ChaosPorts } from './chaos-ports';

const FAST_DISCOVERY = { ...FAST_DISCOVERY_ENV, LOG_LEVEL: 'info' };

/** The processes of a stack, by name: registry, gateway, catalog-a, catalog-b, inventory, … */
export type ChaosProcess = 'registry' | 'gateway' | 'catalog-a' | 'catalog-b' | ShopService;
type Restartable = Exclude<ChaosProcess, 'registry' | 'gateway'>;

export interface ChaosStackOptions {
  /** Names the log folder: tmp/chaos-e2e/<suite>/<process>.log. */
  readonly suite: string;
  readonly ports: ChaosPorts;
  /** `junction/config/gateway`, in force before the first request. */
  readonly gatewayRuntime?: object;
  readonly gatewayEnv?: Readonly<Record<string, string>>;
}

export interface ChaosStack {
  readonly gatewayUrl: string;
  /** An API key (scope orders) the gateway accepts. */
  readonly apiKey: string;
  readonly registryUrl: string;
  /** The running (or last) process of that name. */
  process(name: ChaosProcess): ManagedProcess;
  /** Every line a process of that name printed, restarts included. */
  linesOf(name: ChaosProcess): readonly string[];
  /** SIGKILL, as a crash would; resolves when it has exited. */
  kill(name: Restartable): Promise<void>;
  /** Starts it again on its port; resolves when it serves. */
  restart(name: Restartable): Promise<void>;
  /** Its id in the registry (what fault injection's `instances` names). */
  instanceId(name: Restartable): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The dev registry, one or two catalogs, inventory, reviews, orders and the
 * gateway as real processes on the suite's ports; ready when every instance
 * passes its registry check and the gateway's /readyz answers 200.
 */
export async function startChaosStack(options: ChaosStackOptions): Promise<ChaosStack> {
  // Every other workspace service too (one added later as well): the gateway is ready only with all.
  const ports: ChaosPorts = { ...options.ports, ...(await withEveryService(options.ports)) };
  const others: Restartable[] = shopServices().filter((name) => name !== 'catalog');
  const registryUrl = `http://127.0.0.1:${ports.registry}`;
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const logDir = path.join(WORKSPACE_ROOT, 'tmp', 'chaos-e2e', options.suite);
  mkdirSync(logDir, { recursive: true });
  const processes = new Map<ChaosProcess, ManagedProcess>();
  const lines = new Map<ChaosProcess, string[]>();
  const logs = new Map<ChaosProcess, WriteStream>();
  // One file and one line list per name: a restarted process appends to both.
  const shopOptions = (name: ChaosProcess): ShopOptions => {
    const log = logs.get(name) ?? createWriteStream(path.join(logDir, `${name}.log`));
    logs.set(name, log);
    const kept = lines.get(name) ?? [];
    lines.set(name, kept);
    return {
      ports,
      env: FAST_DISCOVERY,
      onLine: (_, line) => {
        kept.push(line);
        log.write(`${line}\n`);
      },
    };
  };
  const portOf = (name: Restartable): number => {
    if (name !== 'catalog-b') return ports[name === 'catalog-a' ? 'catalog' : name];
    if (ports.secondCatalog === undefined) throw new Error('this stack has one catalog');
    return ports.secondCatalog;
  };

  const startService = async (name: Restartable) => {
    const base = shopOptions(name);
    const service = name.startsWith('catalog') ? 'catalog' : (name as ShopService);
    const proc = startApp(service, { ...base, ports: { ...ports, [service]: portOf(name) } });
    processes.set(name, proc);
    await awaitReady(proc, () => grpcServing(`127.0.0.1:${portOf(name)}`), 20_000);
  };
  const stop = async () => {
    const apps = [...processes].filter(([name]) => name !== 'registry');
    await Promise.all(apps.map(([, proc]) => proc.stop()));
    await processes.get('registry')?.stop();
    await Promise.all([...logs.values()].map((log) => new Promise((resolve) => log.end(resolve))));
  };

  let apiKey = '';
  try {
    const registry = startDevRegistry(shopOptions('registry'));
    processes.set('registry', registry);
    await awaitReady(registry, () => consulAnswers(registryUrl), 20_000);
    if (options.gatewayRuntime) {
      await putKv(registryUrl, 'junction/config/gateway', options.gatewayRuntime);
    }
    const catalogs: Restartable[] = ports.secondCatalog
      ? ['catalog-a', 'catalog-b']
      : ['catalog-a'];
    await Promise.all([...catalogs, ...others].map(startService));
    await waitUntil(
      async () => (await passingInstanceIds(registryUrl, 'catalog')).length === catalogs.length,
      { what: 'every catalog instance passing', timeoutMs: 10_000 },
    );
    const gateway = startApp('gateway', {
      ...shopOptions('gateway'),
      env: { ...FAST_DISCOVERY, ...options.gatewayEnv },
    });
    processes.set('gateway', gateway);
    await awaitReady(gateway, () => httpOk(`${gatewayUrl}/readyz`), 20_000);
    if (options.gatewayRuntime) {
      await waitUntil(() => lines.get('gateway')?.some((l) => l.includes('applied junction/')), {
        what: 'the gateway to apply its runtime configuration',
      });
    }
    ({ key: apiKey } = await createStackApiKey(registryUrl, gatewayUrl, `chaos-${options.suite}`));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    gatewayUrl,
    apiKey,
    registryUrl,
    process: (name) => {
      const proc = processes.get(name);
      if (!proc) throw new Error(`no process ${name} in this stack`);
      return proc;
    },
    linesOf: (name) => lines.get(name) ?? [],
    kill: async (name) => {
      const proc = processes.get(name);
      proc?.signal('SIGKILL');
      await proc?.exited;
    },
    restart: startService,
    instanceId: async (name) => {
      const service = name.startsWith('catalog') ? 'catalog' : name;
      const res = await fetch(`${registryUrl}/v1/health/service/${service}`);
      const entries = (await res.json()) as { Service: { ID: string; Port: number } }[];
      const entry = entries.find((e) => e.Service.Port === portOf(name));
      if (!entry) throw new Error(`${name} is not in the registry`);
      return entry.Service.ID;
    },
    stop,
  };
}
