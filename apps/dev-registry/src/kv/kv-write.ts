import { badRequest, HttpError } from '../http/http-error';
import { json, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import type { RaftIndex } from '../state/raft-index';
import { refuseForeignDatacenter } from '../http/read-options';
import { parseUint64, refuseConflictingFlags } from './go-params';
import type { KvStore } from './kv-store';
import type { LockDelays } from './lock-delay';

/** Consul's default kv_max_value_size. */
export const KV_MAX_VALUE_SIZE = 512 * 1024;

export interface KvWriteDeps {
  readonly store: KvStore;
  readonly raft: RaftIndex;
  readonly lockDelays: LockDelays;
  readonly sessionExists: (id: string) => boolean;
  readonly datacenter: string;
}

/** PUT /v1/kv/:key — set, ?cas, ?acquire, ?release, ?flags (agent/kvs_endpoint.go KVSPut). */
export async function writeKv(context: RequestContext, deps: KvWriteDeps): Promise<Reply> {
  const { query, param: key } = context;
  refuseForeignDatacenter(query, deps.datacenter);
  if (key === '') throw badRequest('Missing key name');
  refuseConflictingFlags(query, ['cas', 'acquire', 'release']);
  const flags = query.has('flags') ? parseUint64(query.get('flags') ?? '') : 0n;
  const cas = query.has('cas') ? parseUint64(query.get('cas') ?? '') : undefined;
  const acquire = query.get('acquire');
  const release = query.get('release');
  const value = await context.bodyBytes();
  if (value.length > KV_MAX_VALUE_SIZE) {
    throw new HttpError(
      413,
      `Request body(${value.length} bytes) too large, max size: ${KV_MAX_VALUE_SIZE} bytes. ` +
        'See https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.',
    );
  }
  const write = { key, value, flags };
  const { store, raft } = deps;
  if (acquire !== null) {
    // Lock-delay is enforced on the leader before the raft write (kvsPreApply).
    if (deps.lockDelays.active(key)) return json(false);
    return json(
      raft.commit((index) => {
        if (acquire === '') throw new Error('missing session');
        if (!deps.sessionExists(acquire))
          throw new Error(`invalid session ${JSON.stringify(acquire)}`);
        return store.lock(index, write, acquire);
      }),
    );
  }
  if (release !== null) {
    return json(
      raft.commit((index) => {
        if (release === '') throw new Error('missing session');
        return store.unlock(index, write, release);
      }),
    );
  }
  if (cas !== undefined) return json(raft.commit((index) => store.setCas(index, write, cas)));
  raft.commit((index) => store.set(index, write));
  return json(true);
}

/** DELETE /v1/kv/:key — single key, ?recurse, ?cas (KVSDelete). */
export function deleteKv(context: RequestContext, deps: KvWriteDeps): Reply {
  const { query, param: key } = context;
  refuseForeignDatacenter(query, deps.datacenter);
  refuseConflictingFlags(query, ['recurse', 'cas']);
  const { store, raft } = deps;
  if (query.has('recurse')) {
    raft.commit((index) => store.deleteTree(index, key));
    return json(true);
  }
  if (key === '') throw badRequest('Missing key name');
  if (query.has('cas')) {
    const cas = parseUint64(query.get('cas') ?? '');
    return json(raft.commit((index) => store.deleteCas(index, key, cas)));
  }
  raft.commit((index) => store.delete(index, key));
  return json(true);
}
