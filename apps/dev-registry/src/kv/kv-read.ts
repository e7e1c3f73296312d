import { blockingQuery, parseBlockingParams, type BlockingDeps } from '../http/blocking-query';
import { badRequest } from '../http/http-error';
import { queryMeta, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { bigJson } from './big-json';
import { dirEntryJson, type DirEntry } from './dir-entry';
import { checkReadOptions } from './go-params';
import type { KvStore } from './kv-store';

export interface KvReadDeps extends BlockingDeps {
  readonly store: KvStore;
  readonly datacenter: string;
}

/** GET /v1/kv/:key — single key, ?recurse, ?keys, ?raw (agent/kvs_endpoint.go). */
export async function readKv(context: RequestContext, deps: KvReadDeps): Promise<Reply> {
  const { query, param: key } = context;
  checkReadOptions(query, deps.datacenter);
  parseBlockingParams(query);
  if (query.has('keys')) return readKeys(context, deps);
  const recurse = query.has('recurse');
  if (!recurse && key === '') throw badRequest('Missing key name');
  const { store } = deps;
  const result = await blockingQuery<DirEntry[]>(
    query,
    context.signal,
    () => {
      if (recurse) {
        const { entries, index } = store.list(key);
        return { value: entries, index };
      }
      // A missing key answers with the table index and keeps blocking until
      // it appears; an existing one with its own ModifyIndex.
      const entry = store.get(key);
      return entry
        ? { value: [entry], index: entry.modifyIndex }
        : { value: [], index: store.index, notFound: true };
    },
    deps,
  );
  const headers = queryMeta(result.index);
  const [first] = result.value;
  if (!first) return { status: 404, headers };
  if (query.has('raw') && !recurse) {
    return {
      raw: { body: first.value ?? Buffer.alloc(0), contentType: 'text/plain' },
      headers: {
        ...headers,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': 'sandbox',
      },
    };
  }
  return bigJson(result.value.map(dirEntryJson), query.has('pretty'), headers);
}

/** ?keys: key names under the prefix, cut after the separator and de-duplicated. */
async function readKeys(context: RequestContext, deps: KvReadDeps): Promise<Reply> {
  const { query, param: prefix } = context;
  // Consul honours its historic misspelling too; the correct one wins.
  const separator = query.get('separator') ?? query.get('seperator') ?? '';
  const result = await blockingQuery(
    query,
    context.signal,
    () => {
      const { entries, index } = deps.store.list(prefix);
      return { value: cutKeys(entries, prefix, separator), index };
    },
    deps,
  );
  const headers = queryMeta(result.index);
  // Only the root answers an empty list; any other empty prefix is a 404.
  if (result.value.length === 0 && prefix !== '') return { status: 404, headers };
  return { json: result.value, headers };
}

function cutKeys(entries: readonly DirEntry[], prefix: string, separator: string): string[] {
  if (separator === '') return entries.map((e) => e.key);
  const keys: string[] = [];
  for (const { key } of entries) {
    const at = key.indexOf(separator, prefix.length);
    const cut = at < 0 ? key : key.slice(0, at + separator.length);
    if (keys[keys.length - 1] !== cut) keys.push(cut);
  }
  return keys;
}
