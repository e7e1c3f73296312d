import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@junction/testing';
import { Router } from '../http/router';
import type { RegistryDeps } from '../registry-deps';
import { CheckEvents } from '../state/check-events';
import { RaftIndex } from '../state/raft-index';
import { RegistryClock } from '../time/registry-clock';
import { mountKv } from './kv.mount';

export const NODE = {
  name: 'n1',
  id: '5f1c8bde-6b43-4bd6-a0a8-3d8a1c1f4e11',
  address: '127.0.0.1',
  datacenter: 'dc1',
};

export interface KvTestRegistry {
  readonly url: string;
  readonly deps: RegistryDeps;
  /** fetch against the registry, path starting with /v1/. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** PUT with an optional body, answering the parsed JSON. */
  put(path: string, body?: string): Promise<unknown>;
  /**
   * Resolves once `count` requests are inside the registry (a blocking read
   * has evaluated once and is waiting), so a test changes state only after.
   */
  blocked(count?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The KV area alone on a real HTTP server, composed like createRegistry but
 * with its deps in hand (tests emit check events) at a 1/100 time scale.
 */
export async function startKvRegistry(timeScale = 0.01): Promise<KvTestRegistry> {
  const deps: RegistryDeps = {
    raft: new RaftIndex(),
    clock: new RegistryClock(timeScale),
    node: NODE,
    checkEvents: new CheckEvents(),
  };
  const router = new Router();
  const mounted = mountKv(router, deps);
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => inFlight--);
    void router.dispatch(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const request = (path: string, init?: RequestInit) => fetch(url + path, init);
  return {
    url,
    deps,
    request,
    put: async (path, body) => {
      const res = await request(path, { method: 'PUT', body });
      if (res.status !== 200) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    blocked: async (count = 1) => {
      await waitUntil(() => inFlight >= count, { what: `${count} blocked request(s)` });
    },
    close: async () => {
      mounted.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A DirEntry as the API prints it. */
export interface EntryJson {
  readonly Key: string;
  readonly Value: string | null;
  readonly Flags: number;
  readonly Session?: string;
  readonly LockIndex: number;
  readonly CreateIndex: number;
  readonly ModifyIndex: number;
}

/** A Session as the API prints it. */
export interface SessionJson {
  readonly ID: string;
  readonly LockDelay: number;
  readonly NodeChecks: string[];
  readonly [field: string]: unknown;
}
