export interface LastGoodCacheOptions {
  /** Entries kept at most; the least recently stored goes first. */
  readonly maxEntries: number;
  /** The oldest copy that may still be served; read per lookup (live config). */
  readonly maxAgeMs: () => number;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
}

/**
 * The last good answer per key, for stale-if-error (RFC 5861's idea):
 * remembered on every success, recalled only when the source fails, and
 * only while young enough. Bounded by count, so memory is too.
 */
export class LastGoodCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: LastGoodCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  remember(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    if (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  /** The copy for `key` with its age, if one is young enough. */
  recall(key: string): { readonly value: V; readonly ageMs: number } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const ageMs = this.now() - entry.at;
    if (ageMs > this.options.maxAgeMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value, ageMs };
  }

  get size(): number {
    return this.entries.size;
  }
}
