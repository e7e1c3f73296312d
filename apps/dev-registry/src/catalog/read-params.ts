import { parseBlockingParams } from '../http/blocking-query';
import { badRequest } from '../http/http-error';
import { queryMeta } from '../http/reply';
import { nodeMeta } from './views';

/** bexpr is not implemented; answer as Consul does for a filter it cannot build (500). */
export function refuseFilter(query: URLSearchParams): void {
  if (query.get('filter')) {
    throw new Error(
      'Failed to create boolean expression evaluator: filter expressions are not supported by the dev registry',
    );
  }
}

/**
 * What Consul's HTTP layer parses first on RPC-backed reads (`s.parse`):
 * blocking and consistency parameters, with their 400s. Returns the
 * consistency level it reports.
 */
export function parseReadOptions(query: URLSearchParams): string {
  parseBlockingParams(query);
  const stale = query.has('stale');
  const consistent = query.has('consistent');
  if (stale && consistent)
    throw badRequest('Cannot specify ?stale with ?consistent, conflicting semantics.');
  return stale ? 'stale' : consistent ? 'consistent' : 'leader';
}

/** What the RPC itself refuses (500s): another datacenter, a filter. */
export function refuseRpc(query: URLSearchParams, datacenter: string): void {
  const dc = query.get('dc');
  if (dc && dc !== datacenter) throw new Error('No path to datacenter');
  refuseFilter(query);
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

/** Go's strconv.ParseBool, with "present but empty" meaning true; undefined when invalid. */
export function parseBoolParam(query: URLSearchParams, key: string): boolean | undefined {
  if (!query.has(key)) return false;
  const value = query.get(key) ?? '';
  if (value === '') return true;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
