// The dev registry (apps/dev-registry, built) as a child process, for specs
// that need a real Consul HTTP API. Apps never import each other: it runs
// from its dist. Only specs import this file.
import type { ManagedProcess } from '@junction/test-support';
import { runDevRegistry } from '@junction/testing';
import { createServer } from 'node:net';

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
  const registry = await runDevRegistry({
    port: await freePort(),
    timeScale,
    env: { LOG_LEVEL: 'warn' },
  });
  const request = async (pathname: string, method: 'GET' | 'PUT' = 'GET') => {
    const res = await fetch(`${registry.address}${pathname}`, { method });
    return { status: res.status, body: await res.text() };
  };
  return { address: registry.address, process: registry.process, request, stop: registry.stop };
}
