// The dev registry (apps/dev-registry, built) as a child process, for specs
// that need a real Consul HTTP API. Apps never import each other: it runs
// from its dist. Only specs import this file.
import { ManagedProcess, waitUntil } from '@junction/test-support';
import { createServer } from 'node:net';
import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const ENTRY = path.join(WORKSPACE_ROOT, 'apps', 'dev-registry', 'dist', 'main.js');

export interface RunningRegistry {
  readonly address: string;
  readonly process: ManagedProcess;
  /** GET/PUT a path of its HTTP API; the body as text. */
  request(pathname: string, method?: 'GET' | 'PUT'): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** A free port in 18700–18799 (the range these specs may use), tried in random order. */
async function freePort(): Promise<number> {
  const ports = Array.from({ length: 100 }, (_, i) => 18_700 + i).sort(() => Math.random() - 0.5);
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 18700-18799');
}

/** Starts the registry with its timers `timeScale` times as long, and waits until it answers. */
export async function startDevRegistry(timeScale: number): Promise<RunningRegistry> {
  const port = await freePort();
  const address = `http://127.0.0.1:${port}`;
  const proc = new ManagedProcess({
    name: 'dev-registry',
    command: process.execPath,
    args: [ENTRY],
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      DEV_REGISTRY_HOST: '127.0.0.1',
      DEV_REGISTRY_PORT: String(port),
      DEV_REGISTRY_TIME_SCALE: String(timeScale),
      LOG_LEVEL: 'warn',
    },
  });
  const request = async (pathname: string, method: 'GET' | 'PUT' = 'GET') => {
    const res = await fetch(`${address}${pathname}`, { method });
    return { status: res.status, body: await res.text() };
  };
  await waitUntil(
    async () => {
      if (!proc.running) throw new Error(`dev registry exited:\n${proc.lines.join('\n')}`);
      return (await request('/v1/status/leader')).status === 200;
    },
    { timeoutMs: 10_000, what: 'the dev registry to answer' },
  );
  return {
    address,
    process: proc,
    request,
    stop: async () => void (await proc.stop(2000)),
  };
}
