/** One KV pair as Consul's state store keeps it. */
export interface DirEntry {
  readonly key: string;
  /** null for an empty value: Go stores a nil slice and prints `null`. */
  readonly value: Buffer | null;
  /** uint64; bigint because Go's lock helper uses flags beyond 2^53. */
  readonly flags: bigint;
  /** Holding session, '' when unlocked. */
  readonly session: string;
  readonly lockIndex: number;
  readonly createIndex: number;
  readonly modifyIndex: number;
}

/** Consul's DirEntry JSON, fields in Go struct order; Session only while locked. */
export function dirEntryJson(entry: DirEntry): Record<string, unknown> {
  return {
    LockIndex: entry.lockIndex,
    Key: entry.key,
    Flags: entry.flags,
    Value: entry.value ? entry.value.toString('base64') : null,
    ...(entry.session ? { Session: entry.session } : {}),
    CreateIndex: entry.createIndex,
    ModifyIndex: entry.modifyIndex,
  };
}

/** What Go's DirEntry.Equal compares: a rewrite equal on these is skipped. */
export function sameContent(
  a: DirEntry,
  b: Omit<DirEntry, 'createIndex' | 'modifyIndex'>,
): boolean {
  const sameValue =
    a.value === null || b.value === null ? a.value === b.value : a.value.equals(b.value);
  return (
    sameValue &&
    a.key === b.key &&
    a.flags === b.flags &&
    a.session === b.session &&
    a.lockIndex === b.lockIndex
  );
}
