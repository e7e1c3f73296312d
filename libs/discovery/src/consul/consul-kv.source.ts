import type Consul from 'consul';
import { EventEmitter } from 'node:events';
import { parseIndexHeader } from './blocking-index';
import type { KvSource } from './kv-source.port';

interface Entry {
  Value?: string | null;
}
interface ResponseWithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/** The KV read over the `consul` client (404 is "no such key", with an index). */
export function consulKvSource(consul: Consul): KvSource {
  return async (key, index, waitMs, signal) => {
    const ctx = Object.assign(new EventEmitter(), { includeResponse: true });
    const cancel = () => ctx.emit('cancel');
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const [response, entry] = (await consul.kv.get({
        key,
        ...(index > 0n ? { index: index.toString(), wait: `${waitMs}ms` } : {}),
        timeout: Math.ceil((waitMs * 17) / 16) + 2000,
        ctx,
      } as never)) as unknown as [ResponseWithHeaders, Entry | undefined];
      const received = parseIndexHeader(response.headers['x-consul-index']);
      if (received === undefined) throw new Error(`KV read of ${key} had no X-Consul-Index`);
      // node-consul decodes Value from base64 already.
      return { index: received, value: entry?.Value ?? undefined };
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
}
