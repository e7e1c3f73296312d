import type { Instance, NodeCatalog } from './node-catalog';
import { parseBlockingParams } from '../http/blocking-query';
import { Filter } from '../http/bexpr';
import { HttpError } from '../http/http-error';
import { consistencyOf, refuseForeignDatacenter } from '../http/read-options';
import { queryMeta } from '../http/reply';
import { nodeMeta } from './views';

/**
 * `?filter` (go-bexpr), compiled once before the query runs; undefined when
 * absent or empty. A bad expression throws the 500 text Consul answers:
 * `Failed to create boolean expression evaluator: <parse error>`.
 */
export function parseFilter(query: URLSearchParams): Filter | undefined {
  const source = query.get('filter');
  return source ? Filter.compile(source) : undefined;
}

/**
 * What Consul's HTTP layer parses first on RPC-backed reads (`s.parse`):
 * blocking and consistency parameters, with their 400s. Returns the
 * consistency level it reports.
 */
export function parseReadOptions(query: URLSearchParams): string {
  parseBlockingParams(query);
  return consistencyOf(query);
}

/**
 * The meta headers of a read whose RPC failed: Consul's handlers
 * `defer setMeta(resp, &out.QueryMeta)` before the call, so the zero
 * QueryMeta still goes out (index 0 written as 1).
 */
export const FAILED_QUERY_META: Readonly<Record<string, string>> = {
  'X-Consul-Index': '1',
  'X-Consul-KnownLeader': 'false',
  'X-Consul-LastContact': '0',
  'X-Consul-Query-Backend': 'blocking-query',
};

/**
 * The RPC stage of a health/catalog read. What the RPC refuses (another
 * datacenter, a bad filter) or fails on (a filter that cannot be evaluated)
 * is a 500 that still carries the query meta headers.
 */
export async function rpcRead<T>(
  query: URLSearchParams,
  datacenter: string,
  run: (filter: Filter | undefined) => Promise<T>,
): Promise<T> {
  try {
    refuseForeignDatacenter(query, datacenter);
    return await run(parseFilter(query));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new HttpError(500, message, FAILED_QUERY_META);
  }
}

/** Response headers of a health/catalog read. */
export function catalogHeaders(index: number, consistency: string): Record<string, string> {
  return {
    ...queryMeta(index, { catalogRead: true }),
    'X-Consul-Effective-Consistency': consistency,
  };
}

/** `?tag=` (repeatable): the instance must carry all of them, case-insensitively. */
export function hasAllTags(tags: readonly string[], wanted: readonly string[]): boolean {
  const lower = tags.map((t) => t.toLowerCase());
  return wanted.every((w) => lower.includes(w.toLowerCase()));
}

/** `?node-meta=k:v` (repeatable) against the node's meta. */
export function nodeMetaMatches(query: URLSearchParams): boolean {
  const meta: Record<string, string> = nodeMeta();
  return query.getAll('node-meta').every((pair) => {
    const at = pair.indexOf(':');
    const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    return key in meta && meta[key] === value;
  });
}

/** Instances of `name` that pass `?tag` and `?node-meta`, as health and catalog reads filter them. */
export function matchingInstances(
  catalog: NodeCatalog,
  name: string,
  query: URLSearchParams,
): Instance[] {
  if (!nodeMetaMatches(query)) return [];
  const tags = query.getAll('tag');
  return catalog.instancesOf(name).filter((i) => hasAllTags(i.service.Tags, tags));
}

/** Go's strconv.ParseBool, with "present but empty" meaning true; undefined when invalid. */
export function parseBoolParam(query: URLSearchParams, key: string): boolean | undefined {
  if (!query.has(key)) return false;
  const value = query.get(key) ?? '';
  if (value === '') return true;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
