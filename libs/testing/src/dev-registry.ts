import { ManagedProcess, waitUntil, type ManagedProcessOptions } from '@junction/test-support';
import path from 'node:path';
import { httpOk } from './readiness-probes';
import { WORKSPACE_ROOT } from './workspace-root';

export interface DevRegistryOptions extends ManagedProcessOptions {
  readonly port: number;
  readonly host?: string;
  /** DEV_REGISTRY_TIME_SCALE: 1 is Consul's own timings; smaller only in tests. */
  readonly timeScale?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningDevRegistry {
  /** `http://host:port`, to give as CONSUL_HTTP_ADDR. */
  readonly address: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** True when a Consul HTTP API answers at `address`. */
export const consulAnswers = (address: string): Promise<boolean> =>
  httpOk(`${address}/v1/status/leader`);

/** Starts the built dev registry (apps/dev-registry/dist) as a process; see runDevRegistry. */
export function spawnDevRegistry({
  port,
  host = '127.0.0.1',
  timeScale,
  env,
  ...processOptions
}: DevRegistryOptions): ManagedProcess {
  return new ManagedProcess(
    {
      name: 'registry',
      command: process.execPath,
      args: [path.join('apps', 'dev-registry', 'dist', 'main.js')],
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        ...env,
        DEV_REGISTRY_HOST: host,
        DEV_REGISTRY_PORT: String(port),
        ...(timeScale === undefined ? {} : { DEV_REGISTRY_TIME_SCALE: String(timeScale) }),
      },
    },
    processOptions,
  );
}

/**
 * The dev registry, started and answering. If it exits first (a taken port,
 * a missing build), this fails at once with what it printed.
 */
export async function runDevRegistry(
  options: DevRegistryOptions,
  timeoutMs = 15_000,
): Promise<RunningDevRegistry> {
  const proc = spawnDevRegistry(options);
  const address = `http://${options.host ?? '127.0.0.1'}:${options.port}`;
  try {
    await waitUntil(
      async () => {
        if (!proc.running)
          throw new Error(
            `the dev registry exited while starting:\n${proc.lines.slice(-15).join('\n')}`,
          );
        return consulAnswers(address);
      },
      { timeoutMs, what: `the dev registry on ${address}`, intervalMs: 50 },
    );
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { address, process: proc, stop: async () => void (await proc.stop()) };
}
