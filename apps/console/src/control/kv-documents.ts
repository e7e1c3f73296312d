import type Consul from 'consul';

export interface KvDocument {
  /** The parsed JSON, the raw text when it is not JSON, or undefined when absent. */
  readonly value: unknown;
  /** For a check-and-set write; 0 when the key does not exist. */
  readonly modifyIndex: number;
}

/** JSON documents in Consul KV, written with check-and-set so concurrent edits are not lost. */
export class KvDocuments {
  constructor(
    private readonly consul: Consul,
    private readonly timeoutMs: number,
  ) {}

  async read(key: string): Promise<KvDocument> {
    const item = (await this.consul.kv.get({ key, timeout: this.timeoutMs } as never)) as
      | { Value?: string | null; ModifyIndex?: number }
      | undefined
      | null;
    if (!item) return { value: undefined, modifyIndex: 0 };
    const text = item.Value ?? '';
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: the raw text is what is there.
    }
    return { value, modifyIndex: item.ModifyIndex ?? 0 };
  }

  /** Writes `value` as JSON; with `cas`, only if the key is still at that index (0: absent). */
  async write(key: string, value: unknown, cas?: number): Promise<boolean> {
    return Boolean(
      await this.consul.kv.set({
        key,
        value: JSON.stringify(value),
        ...(cas === undefined ? {} : { cas }),
        timeout: this.timeoutMs,
      } as never),
    );
  }

  async delete(key: string, cas?: number): Promise<boolean> {
    return Boolean(
      await this.consul.kv.del({
        key,
        ...(cas === undefined ? {} : { cas }),
        timeout: this.timeoutMs,
      } as never),
    );
  }
}
