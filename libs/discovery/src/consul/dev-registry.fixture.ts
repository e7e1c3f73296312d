// The dev registry (apps/dev-registry, built) as a child process, for specs
// that need a real Consul HTTP API. @junction/testing has the same helper,
// but it depends on this library: started here from its dist instead.
import { ManagedProcess, waitUntil } from '@junction/test-support';
import path from 'node:path';

export interface SpecRegistry {
  /** `http://127.0.0.1:port`, to give as CONSUL_HTTP_ADDR. */
  readonly address: string;
  stop(): Promise<void>;
}

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** Starts the registry on `port` and waits until it answers. */
export async function startSpecRegistry(port: number): Promise<SpecRegistry> {
  const proc = new ManagedProcess({
    name: 'registry',
    command: process.execPath,
    args: [path.join('apps', 'dev-registry', 'dist', 'main.js')],
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DEV_REGISTRY_HOST: '127.0.0.1',
      DEV_REGISTRY_PORT: String(port),
    },
  });
  const address = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (!proc.running) {
        throw new Error(`the dev registry exited:\n${proc.lines.slice(-15).join('\n')}`);
      }
      return fetch(`${address}/v1/status/leader`).then(
        (res) => res.ok,
        () => false,
      );
    },
    { timeoutMs: 15_000, what: `the dev registry on ${address}`, intervalMs: 50 },
  );
  return { address, stop: async () => void (await proc.stop()) };
}

/** PUTs a KV value as ops would; fails unless the registry accepted it. */
export async function putKv(address: string, key: string, value: unknown): Promise<void> {
  const res = await fetch(`${address}/v1/kv/${key}`, {
    method: 'PUT',
    body: JSON.stringify(value),
  });
  if ((await res.text()).trim() !== 'true') throw new Error(`PUT ${key}: ${res.status}`);
}
