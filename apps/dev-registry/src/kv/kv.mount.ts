import type { Router } from '../http/router';
import type { Mounted, RegistryDeps } from '../registry-deps';
import { mountKvEndpoints } from './kv.endpoints';
import { KvStore } from './kv-store';
import { LockDelays } from './lock-delay';
import { mountSessionEndpoints } from './session.endpoints';
import { SessionStore } from './session-store';
import { mountStatusEndpoints } from './status.endpoints';

/** KV store, sessions and locks, and /v1/status. */
export function mountKv(router: Router, deps: RegistryDeps): Mounted {
  const { raft, clock, node, checkEvents } = deps;
  const kv = new KvStore();
  const lockDelays = new LockDelays(clock);
  const sessions = new SessionStore({ raft, clock, kv, lockDelays, nodeName: node.name });
  const common = { raft, clock, datacenter: node.datacenter };

  mountKvEndpoints(router, {
    ...common,
    store: kv,
    lockDelays,
    sessionExists: (id) => sessions.get(id) !== undefined,
  });
  mountSessionEndpoints(router, { ...common, sessions, nodeName: node.name });
  mountStatusEndpoints(router, node.address);

  // A session dies with any check it is bound to (serfHealth never goes
  // critical). Deferred so that an event emitted inside the catalog's own
  // raft commit never nests a second commit within it.
  const invalidate = (checkId: string) => queueMicrotask(() => sessions.invalidateBoundTo(checkId));
  checkEvents.on('critical', invalidate);
  checkEvents.on('deregistered', invalidate);

  return {
    close: () => {
      checkEvents.off('critical', invalidate);
      checkEvents.off('deregistered', invalidate);
      sessions.close();
      lockDelays.close();
    },
  };
}
