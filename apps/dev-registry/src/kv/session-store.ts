import { randomUUID } from 'node:crypto';
import { parseGoDuration } from '../http/go-duration';
import type { RaftIndex } from '../state/raft-index';
import type { RegistryClock } from '../time/registry-clock';
import type { KvStore } from './kv-store';
import type { LockDelays } from './lock-delay';
import { boundChecks, type Session } from './session';
import type { SessionRequest } from './session.schema';

/** The leader destroys a TTL session after this many TTLs without renewal. */
const SESSION_TTL_MULTIPLIER = 2;

export interface SessionStoreDeps {
  readonly raft: RaftIndex;
  readonly clock: RegistryClock;
  readonly kv: KvStore;
  readonly lockDelays: LockDelays;
  readonly nodeName: string;
}

const byId = (a: Session, b: Session) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Consul's session table with its TTL timers (session_ttl.go) and
 * invalidation (state/session.go deleteSessionTxn): the session's keys are
 * released or deleted, each starting a lock-delay window.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private tableIndex = 0;

  constructor(private readonly deps: SessionStoreDeps) {}

  get index(): number {
    return this.tableIndex;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  list(): Session[] {
    return [...this.sessions.values()].sort(byId);
  }

  forNode(node: string): Session[] {
    return this.list().filter((session) => session.node === node);
  }

  /** Creates a validated session; its node must be this registry's node. */
  create(request: SessionRequest): Session {
    return this.deps.raft.commit((index) => {
      // Fails inside the FSM in Consul, after the raft index is taken.
      if (request.node !== this.deps.nodeName) throw new Error('Missing node registration');
      const session: Session = {
        ...request,
        id: randomUUID(),
        createIndex: index,
        modifyIndex: index,
      };
      this.sessions.set(session.id, session);
      this.tableIndex = index;
      this.arm(session);
      return session;
    });
  }

  /** Restarts the TTL timer; undefined for an unknown session. No raft write. */
  renew(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session) this.arm(session);
    return session;
  }

  /** Destroys the session (a no-op for an unknown one, but still a raft write). */
  destroy(id: string): void {
    this.deps.raft.commit((index) => this.invalidate(index, id));
  }

  /** Invalidates every session bound to `checkId` (critical or deregistered). */
  invalidateBoundTo(checkId: string): void {
    const bound = this.list().filter((session) => boundChecks(session).includes(checkId));
    for (const session of bound) this.destroy(session.id);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** (Re)starts the 2 × TTL timer of a TTL session, from now. */
  private arm({ id, ttl }: Session): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    // The TTL was validated at create, so it parses.
    const ttlNs = ttl === '' ? 0 : parseGoDuration(ttl);
    if (ttlNs <= 0) return;
    const ms = (ttlNs / 1e6) * SESSION_TTL_MULTIPLIER;
    this.timers.set(
      id,
      this.deps.clock.after(ms, () => this.destroy(id)),
    );
  }

  private invalidate(index: number, id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.tableIndex = index;
    const { kv, lockDelays } = this.deps;
    for (const entry of kv.heldBy(id)) {
      if (session.behavior === 'delete') kv.delete(index, entry.key);
      else kv.release(index, entry.key);
      lockDelays.start(entry.key, session.lockDelayNs);
    }
  }
}
