import { createServer, type Server } from 'node:http';
import { mountCatalog } from './catalog/catalog.mount';
import { Router } from './http/router';
import { mountKv } from './kv/kv.mount';
import type { NodeIdentity, RegistryDeps } from './registry-deps';
import { CheckEvents } from './state/check-events';
import { RaftIndex } from './state/raft-index';
import { RegistryClock } from './time/registry-clock';

export interface RegistryOptions {
  readonly node: NodeIdentity;
  /** 1 = Consul's timings; smaller only for tests. */
  readonly timeScale: number;
}

export interface Registry {
  readonly server: Server;
  /** Stops timers and probes and closes the server (and its idle connections). */
  close(): Promise<void>;
}

/** The dev registry: one node, one process, Consul's HTTP API. */
export function createRegistry({ node, timeScale }: RegistryOptions): Registry {
  const deps: RegistryDeps = {
    raft: new RaftIndex(),
    clock: new RegistryClock(timeScale),
    node,
    checkEvents: new CheckEvents(),
  };
  const router = new Router();
  const areas = [mountCatalog(router, deps), mountKv(router, deps)];
  const server = createServer((req, res) => void router.dispatch(req, res));
  return {
    server,
    close: async () => {
      for (const area of areas) area.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
