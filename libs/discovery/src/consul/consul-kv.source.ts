import type Consul from 'consul';
import { readWithIndex } from './consul-read';
import type { KvSource } from './kv-source.port';

/** The KV read over the `consul` client (404 is "no such key", with an index). */
export function consulKvSource(consul: Consul): KvSource {
  return async (key, index, waitMs, signal) => {
    const { index: received, body } = await readWithIndex<{ Value?: string | null }>(
      `KV read of ${key}`,
      signal,
      (ctx) =>
        consul.kv.get({
          key,
          ...(index > 0n ? { index: index.toString(), wait: `${waitMs}ms` } : {}),
          timeout: Math.ceil((waitMs * 17) / 16) + 2000,
          ctx,
        } as never),
    );
    // node-consul decodes Value from base64 already.
    return { index: received, value: body?.Value ?? undefined };
  };
}
