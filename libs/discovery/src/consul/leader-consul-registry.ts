import { types } from 'node:util';
import type Consul from 'consul';
import { readWithIndex } from './consul-read';
import type { LeaderRegistry, LockState } from './leader-registry.port';

const statusOf = (error: unknown): number | undefined =>
  (error as { statusCode?: number } | null)?.statusCode;

/**
 * The client's request pipeline (papi) rejects with a transport error only
 * when `error instanceof Error` holds in its own realm; an error made by
 * Node's core in another realm (e.g. ECONNREFUSED under Jest's VM) is
 * *resolved* as if it were the answer. Never take one for an answer.
 */
async function settled<T>(call: Promise<T>): Promise<T> {
  const value = await call;
  if (types.isNativeError(value)) throw value;
  return value;
}

/**
 * LeaderRegistry over the `consul` client: sessions (§6) and KV locks
 * (§5.2). Every call carries its own HTTP timeout, so a registry that hangs
 * fails a call instead of stalling the election.
 */
export function consulLeaderRegistry(consul: Consul): LeaderRegistry {
  return {
    async createSession({ name, ttl, lockDelay }, timeoutMs) {
      const created = await settled(
        consul.session.create({
          name,
          ttl,
          lockdelay: lockDelay,
          behavior: 'release',
          timeout: timeoutMs,
        } as never),
      );
      return created.ID;
    },

    async renewSession(id, timeoutMs) {
      try {
        await settled(consul.session.renew({ id, timeout: timeoutMs } as never));
        return true;
      } catch (error) {
        // 404: the registry no longer has the session (destroyed, TTL lapsed).
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },

    async destroySession(id, timeoutMs) {
      await settled(consul.session.destroy({ id, timeout: timeoutMs } as never));
    },

    async acquire(key, session, value, timeoutMs) {
      const answer = await settled(
        consul.kv.set({ key, value, acquire: session, timeout: timeoutMs } as never),
      );
      return answer === true;
    },

    async release(key, session, timeoutMs) {
      const answer = await settled(
        consul.kv.set({ key, value: '', release: session, timeout: timeoutMs } as never),
      );
      return answer === true;
    },

    async readLock(key, { index, wait, timeoutMs, signal }): Promise<LockState> {
      const { index: received, body: entry } = await readWithIndex<{ Session?: string }>(
        `read of ${key}`,
        signal,
        (ctx) =>
          consul.kv.get({
            key,
            ...(index > 0n ? { index: index.toString(), wait } : {}),
            timeout: timeoutMs,
            ctx,
          } as never),
      );
      return { index: received, exists: entry !== undefined, holder: entry?.Session || undefined };
    },
  };
}
