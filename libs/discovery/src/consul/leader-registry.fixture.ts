// An in-memory LeaderRegistry with Consul's lock semantics, for specs only.
import type {
  LeaderRegistry,
  LeaderSessionRequest,
  LockRead,
  LockState,
} from './leader-registry.port';

interface Entry {
  value: string;
  holder?: string;
  modifyIndex: number;
}

export class FakeLeaderRegistry implements LeaderRegistry {
  readonly sessions = new Map<string, LeaderSessionRequest>();
  readonly calls: string[] = [];
  /** Every call rejects while true (a registry that cannot be reached). */
  down = false;
  /** Lock-delay windows per key: acquire refused until Date.now() passes this. */
  readonly lockDelayUntil = new Map<string, number>();
  private entries = new Map<string, Entry>();
  private index = 1;
  private nextId = 1;
  private waiters = new Set<() => void>();

  entry(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /** As Consul does when a session is invalidated: release its keys, start their lock-delay. */
  invalidate(id: string, lockDelayMs: number): void {
    this.sessions.delete(id);
    for (const [key, entry] of this.entries) {
      if (entry.holder !== id) continue;
      this.write(key, { ...entry, holder: undefined });
      this.lockDelayUntil.set(key, Date.now() + lockDelayMs);
    }
  }

  deleteKey(key: string): void {
    this.entries.delete(key);
    this.index += 1;
    this.wake();
  }

  async createSession(request: LeaderSessionRequest): Promise<string> {
    this.call('create');
    const id = `s${this.nextId++}`;
    this.sessions.set(id, request);
    return id;
  }

  async renewSession(id: string): Promise<boolean> {
    this.call(`renew ${id}`);
    return this.sessions.has(id);
  }

  async destroySession(id: string): Promise<void> {
    this.call(`destroy ${id}`);
    this.invalidate(id, 0);
  }

  async acquire(key: string, session: string, value: string): Promise<boolean> {
    this.call(`acquire ${session}`);
    if (!this.sessions.has(session)) throw new Error(`invalid session "${session}"`);
    const entry = this.entries.get(key);
    if (entry?.holder && entry.holder !== session) return false;
    if (!entry?.holder && (this.lockDelayUntil.get(key) ?? 0) > Date.now()) return false;
    this.write(key, { value, holder: session, modifyIndex: 0 });
    return true;
  }

  async release(key: string, session: string): Promise<boolean> {
    this.call(`release ${session}`);
    const entry = this.entries.get(key);
    if (entry?.holder !== session) return false;
    this.write(key, { value: '', holder: undefined, modifyIndex: 0 });
    return true;
  }

  async readLock(key: string, { index, signal }: LockRead): Promise<LockState> {
    this.call('read');
    while (index > 0n && BigInt(this.indexOf(key)) <= index && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.waiters.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        this.waiters.add(done);
        signal.addEventListener('abort', done, { once: true });
      });
      if (this.down) throw new Error('ECONNRESET');
    }
    if (signal.aborted) throw new Error('aborted');
    const entry = this.entries.get(key);
    return { index: BigInt(this.indexOf(key)), exists: !!entry, holder: entry?.holder };
  }

  /** Rejects every call from now on, including reads in progress. */
  goDown(): void {
    this.down = true;
    this.wake();
  }

  private indexOf(key: string): number {
    return this.entries.get(key)?.modifyIndex ?? this.index;
  }

  private write(key: string, entry: Entry): void {
    this.index += 1;
    this.entries.set(key, { ...entry, modifyIndex: this.index });
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private call(name: string): void {
    this.calls.push(name);
    if (this.down) throw new Error('ECONNREFUSED');
  }
}
