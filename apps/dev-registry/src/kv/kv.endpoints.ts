import type { BlockingDeps } from '../http/blocking-query';
import type { Router } from '../http/router';
import { readKv } from './kv-read';
import type { KvStore } from './kv-store';
import { deleteKv, writeKv } from './kv-write';
import type { LockDelays } from './lock-delay';

export interface KvEndpointDeps extends BlockingDeps {
  readonly store: KvStore;
  readonly lockDelays: LockDelays;
  readonly sessionExists: (id: string) => boolean;
  readonly datacenter: string;
}

/** /v1/kv/: the rest of the path, percent-decoded, is the key. */
export function mountKvEndpoints(router: Router, deps: KvEndpointDeps): void {
  router.handle('/v1/kv/', ['GET', 'PUT', 'DELETE'], (context) => {
    if (context.method === 'GET') return readKv(context, deps);
    if (context.method === 'PUT') return writeKv(context, deps);
    return deleteKv(context, deps);
  });
}
