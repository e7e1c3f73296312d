/** One answer of a blocking read of a KV key. */
export interface KvAnswer {
  readonly index: bigint;
  /** The value as text; undefined when the key does not exist. */
  readonly value: string | undefined;
}

/** Reads one key, blocking while `index` is current for at most `waitMs`. */
export type KvSource = (
  key: string,
  index: bigint,
  waitMs: number,
  signal: AbortSignal,
) => Promise<KvAnswer>;
