import type { AddressInfo } from 'node:net';
import { createRegistry, type Registry } from '../registry.server';

export interface ApiResponse {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
  /** The body parsed as JSON (throws when it is not). */
  json<T = unknown>(): T;
}

export interface CatalogTestRegistry {
  readonly registry: Registry;
  readonly base: string;
  api(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** PUT /v1/agent/service/register, expecting 200. */
  register(definition: object, query?: string): Promise<void>;
  close(): Promise<void>;
}

export const TEST_NODE = {
  name: 'test-node',
  id: '0b6a0c7e-5d5e-4b7a-9a39-0d6f5f1f0a11',
  address: '127.0.0.1',
  datacenter: 'dc1',
};

/** A real registry on 127.0.0.1:<ephemeral>, driven over HTTP. */
export async function startCatalogRegistry(timeScale = 0.01): Promise<CatalogTestRegistry> {
  const registry = createRegistry({ node: TEST_NODE, timeScale });
  await new Promise<void>((resolve) => registry.server.listen(0, '127.0.0.1', resolve));
  const { port } = registry.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const api = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(base + path, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) };
  };
  return {
    registry,
    base,
    api,
    register: async (definition, query = '') => {
      const res = await api('PUT', `/v1/agent/service/register${query}`, definition);
      if (res.status !== 200) throw new Error(`register failed: ${res.status} ${res.text}`);
    },
    close: () => registry.close(),
  };
}
