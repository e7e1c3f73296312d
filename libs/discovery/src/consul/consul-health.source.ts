import { EventEmitter } from 'node:events';
import type Consul from 'consul';
import { parseIndexHeader } from './blocking-index';
import type { HealthSource } from './health-source.port';

interface ResponseWithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The health read over the `consul` client. Its HTTP timeout outlasts the
 * longest answer Consul may take (wait plus 1/16 jitter) by a margin, so a
 * healthy blocking call is never cut short.
 */
export function consulHealthSource(consul: Consul): HealthSource {
  return async (service, index, waitMs, signal) => {
    // The client aborts a request when its context emits 'cancel', and hands
    // back the response (for the index header) when asked to.
    const ctx = Object.assign(new EventEmitter(), { includeResponse: true });
    const cancel = () => ctx.emit('cancel');
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const [response, body] = (await consul.health.service({
        service,
        passing: true,
        ...(index > 0n ? { index: index.toString(), wait: `${waitMs}ms` } : {}),
        timeout: Math.ceil((waitMs * 17) / 16) + 2000,
        ctx,
      } as never)) as unknown as [ResponseWithHeaders, unknown];
      const received = parseIndexHeader(response.headers['x-consul-index']);
      if (received === undefined)
        throw new Error(`health read of ${service} had no X-Consul-Index`);
      return { index: received, body };
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
}
