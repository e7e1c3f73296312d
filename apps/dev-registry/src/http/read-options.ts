import { badRequest } from './http-error';

/**
 * Checks Consul's HTTP layer makes on every read, whatever the endpoint.
 * A datacenter other than ours has no path (a single-DC registry); Consul
 * answers that from the RPC layer, so it is a 500.
 */
export function refuseForeignDatacenter(query: URLSearchParams, datacenter: string): void {
  const dc = query.get('dc');
  if (dc && dc !== datacenter) throw new Error('No path to datacenter');
}

/** The consistency a read asks for; ?stale and ?consistent together are a 400. */
export function consistencyOf(query: URLSearchParams): 'stale' | 'consistent' | 'leader' {
  const stale = query.has('stale');
  const consistent = query.has('consistent');
  if (stale && consistent)
    throw badRequest('Cannot specify ?stale with ?consistent, conflicting semantics.');
  return stale ? 'stale' : consistent ? 'consistent' : 'leader';
}
