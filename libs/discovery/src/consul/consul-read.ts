import { EventEmitter } from 'node:events';
import { parseIndexHeader } from './blocking-index';

interface ResponseWithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A read through the `consul` client that can be aborted and that returns
 * the X-Consul-Index with the body. The client aborts a request when its
 * context emits 'cancel', and hands back the response when asked to.
 */
export async function readWithIndex<T>(
  what: string,
  signal: AbortSignal,
  call: (ctx: EventEmitter) => Promise<unknown>,
): Promise<{ index: bigint; body: T | undefined }> {
  const ctx = Object.assign(new EventEmitter(), { includeResponse: true });
  const cancel = () => ctx.emit('cancel');
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const [response, body] = (await call(ctx)) as [ResponseWithHeaders, T | undefined];
    const index = parseIndexHeader(response.headers['x-consul-index']);
    if (index === undefined) throw new Error(`${what} had no X-Consul-Index`);
    return { index, body };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
