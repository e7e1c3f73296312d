import { sameContent, type DirEntry } from './dir-entry';

/** The caller's part of a write: what the request carried. */
export interface KvWrite {
  readonly key: string;
  readonly value: Buffer;
  readonly flags: bigint;
}

type Content = Omit<DirEntry, 'createIndex' | 'modifyIndex'>;

const byKey = (a: DirEntry, b: DirEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Consul's KV table (state/kvs.go) for one datacenter: entries, tombstones
 * of deleted keys (kept so prefix and table indexes move on deletes), and
 * the table index. Every write takes the raft index it was committed at.
 */
export class KvStore {
  private readonly entries = new Map<string, DirEntry>();
  private readonly tombstones = new Map<string, number>();
  private tableIndex = 0;

  get(key: string): DirEntry | undefined {
    return this.entries.get(key);
  }

  /** The whole table's index, deletes included: a missing key's index. */
  get index(): number {
    return this.tableIndex;
  }

  /** Entries under `prefix`, sorted, with Consul's list index (kvsListTxn). */
  list(prefix: string): { entries: DirEntry[]; index: number } {
    const entries = [...this.entries.values()].filter((e) => e.key.startsWith(prefix)).sort(byKey);
    return { entries, index: this.prefixIndex(prefix, entries) };
  }

  /** Max ModifyIndex under the prefix incl. tombstones, else the table index. */
  private prefixIndex(prefix: string, entries: readonly DirEntry[]): number {
    if (prefix === '') return this.tableIndex;
    let index = 0;
    for (const entry of entries) index = Math.max(index, entry.modifyIndex);
    for (const [key, at] of this.tombstones)
      if (key.startsWith(prefix)) index = Math.max(index, at);
    return index || this.tableIndex;
  }

  /** Keys held by `session`, for invalidation. */
  heldBy(session: string): DirEntry[] {
    return [...this.entries.values()].filter((e) => e.session === session);
  }

  /** Plain set: lock ownership is kept, and LockIndex is the request's 0 as in Go. */
  set(index: number, write: KvWrite): void {
    this.put(index, { ...write, value: nonEmpty(write.value), session: '', lockIndex: 0 }, false);
  }

  /** `cas=0` creates only; `cas=N` writes only over ModifyIndex N. */
  setCas(index: number, write: KvWrite, cas: bigint): boolean {
    const existing = this.entries.get(write.key);
    if (cas === 0n ? existing : !existing || BigInt(existing.modifyIndex) !== cas) return false;
    this.set(index, write);
    return true;
  }

  /** Takes (or keeps) the lock for a session known to exist (kvsLockTxn). */
  lock(index: number, write: KvWrite, session: string): boolean {
    const existing = this.entries.get(write.key);
    if (existing?.session && existing.session !== session) return false;
    const lockIndex = !existing
      ? 1
      : existing.session === session
        ? existing.lockIndex
        : existing.lockIndex + 1;
    this.put(index, { ...write, value: nonEmpty(write.value), session, lockIndex }, true);
    return true;
  }

  /** Releases a lock `session` holds, writing the value; LockIndex kept. */
  unlock(index: number, write: KvWrite, session: string): boolean {
    const existing = this.entries.get(write.key);
    if (!existing || existing.session !== session) return false;
    const content = {
      ...write,
      value: nonEmpty(write.value),
      session: '',
      lockIndex: existing.lockIndex,
    };
    this.put(index, content, true);
    return true;
  }

  /** Clears the holder of `key` on session invalidation; value and LockIndex stay. */
  release(index: number, key: string): void {
    const existing = this.entries.get(key);
    if (existing) this.put(index, { ...existing, session: '' }, true);
  }

  /** Deletes `key` if present, leaving a tombstone. */
  delete(index: number, key: string): void {
    if (!this.entries.delete(key)) return;
    this.tombstones.set(key, index);
    this.tableIndex = index;
  }

  /** Deletes only over ModifyIndex `cas`; an absent key counts as deleted (kvsDeleteCASTxn). */
  deleteCas(index: number, key: string, cas: bigint): boolean {
    const existing = this.entries.get(key);
    if (!existing) return true;
    if (BigInt(existing.modifyIndex) !== cas) return false;
    this.delete(index, key);
    return true;
  }

  deleteTree(index: number, prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(index, key);
  }

  /** kvsSetTxn: CreateIndex kept, session kept unless updating it, identical rewrites skipped. */
  private put(index: number, content: Content, updateSession: boolean): void {
    const existing = this.entries.get(content.key);
    const entry = {
      ...content,
      session: updateSession ? content.session : (existing?.session ?? ''),
    };
    if (existing && sameContent(existing, entry)) return;
    this.entries.set(content.key, {
      ...entry,
      createIndex: existing?.createIndex ?? index,
      modifyIndex: index,
    });
    this.tableIndex = index;
  }
}

/** An empty body is stored as Go's nil slice. */
const nonEmpty = (value: Buffer | null): Buffer | null =>
  value && value.length > 0 ? value : null;
