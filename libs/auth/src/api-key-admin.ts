import { createApiKey, type ApiKeyRecord } from './api-key';
import {
  API_KEYS_KV_KEY,
  apiKeySetSchema,
  withRecord,
  withRevoked,
  type ApiKeySet,
} from './api-key-set';

/** A KV key's value and the index to write it back against (check-and-set). */
export interface KvStore {
  read(key: string): Promise<{ readonly value: string; readonly index: string } | undefined>;
  /** Writes only if the key is still at `index` ('0': only if absent); false when it moved. */
  writeIfUnchanged(key: string, value: string, index: string): Promise<boolean>;
}

/** Consul's KV HTTP API (or the dev registry's), with `?cas=` for safe concurrent edits. */
export function consulKvStore(address: string, timeoutMs = 5000): KvStore {
  const url = (key: string, query = '') => `${address.replace(/\/$/, '')}/v1/kv/${key}${query}`;
  return {
    async read(key) {
      const res = await fetch(url(key), { signal: AbortSignal.timeout(timeoutMs) });
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`Consul KV read of ${key}: HTTP ${res.status}`);
      const [entry] = (await res.json()) as { Value: string | null; ModifyIndex: number }[];
      const value = entry.Value === null ? '' : Buffer.from(entry.Value, 'base64').toString('utf8');
      return { value, index: String(entry.ModifyIndex) };
    },
    async writeIfUnchanged(key, value, index) {
      const res = await fetch(url(key, `?cas=${index}`), {
        method: 'PUT',
        body: value,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`Consul KV write of ${key}: HTTP ${res.status}`);
      return (await res.text()).trim() === 'true';
    },
  };
}

const CAS_ATTEMPTS = 5;

/** Managing the API keys in KV: what the CLI and the console's API call. */
export class ApiKeyAdmin {
  constructor(private readonly kv: KvStore) {}

  async list(): Promise<ApiKeyRecord[]> {
    return Object.values((await this.read()).set.keys).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
  }

  /** A new key for `owner`: the key itself is returned once and never stored. */
  async create(
    owner: string,
    scopes: readonly string[],
  ): Promise<{ key: string; record: ApiKeyRecord }> {
    const created = createApiKey(owner, scopes);
    await this.update((set) => withRecord(set, created.record));
    return created;
  }

  /** Marks key `id` revoked; false when there is no such key. */
  async revoke(id: string): Promise<boolean> {
    let found = true;
    await this.update((set) => {
      const next = withRevoked(set, id);
      found = next !== undefined;
      return next ?? set;
    });
    return found;
  }

  /**
   * Puts a saved record back unless KV already holds its id (the dev
   * registry forgets KV when it restarts); true when the key is in force
   * afterwards, false when KV has it revoked: a revocation is never undone.
   */
  async ensure(record: ApiKeyRecord): Promise<boolean> {
    let inForce = true;
    await this.update((set) => {
      const held = set.keys[record.id];
      if (!held) return withRecord(set, record);
      inForce = held.revokedAt === undefined && held.hash === record.hash;
      return set;
    });
    return inForce;
  }

  private async read(): Promise<{ set: ApiKeySet; index: string }> {
    const entry = await this.kv.read(API_KEYS_KV_KEY);
    if (!entry) return { set: { keys: {} }, index: '0' };
    const parsed = apiKeySetSchema.safeParse(JSON.parse(entry.value || '{}'));
    if (!parsed.success) {
      throw new Error(`${API_KEYS_KV_KEY} does not hold valid API key records: fix or delete it`);
    }
    return { set: parsed.data, index: entry.index };
  }

  /** Read, change, write back only if nobody wrote in between; else again. */
  private async update(change: (set: ApiKeySet) => ApiKeySet): Promise<void> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
      const { set, index } = await this.read();
      const next = change(set);
      if (next === set) return;
      if (await this.kv.writeIfUnchanged(API_KEYS_KV_KEY, JSON.stringify(next), index)) return;
    }
    throw new Error(`${API_KEYS_KV_KEY} kept changing under ${CAS_ATTEMPTS} attempts: try again`);
  }
}
