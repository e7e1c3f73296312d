import { z } from 'zod';
import { apiKeyId, apiKeyRecordSchema, verifyApiKey, type ApiKeyRecord } from './api-key';
import type { Verification } from './identity';

/**
 * The one Consul KV key holding every API key record (JSON, by id): each
 * gateway replica watches it with a blocking query, so a key created or
 * revoked there is seen by all of them within a second or two, without a
 * restart. One value of at most 512 KiB holds about 2,000 records.
 */
export const API_KEYS_KV_KEY = 'junction/auth/api-keys';

export const apiKeySetSchema = z.object({
  keys: z.record(z.string(), apiKeyRecordSchema).default({}),
});

export type ApiKeySet = z.output<typeof apiKeySetSchema>;

/** Verifies a presented key against the records in force. */
export function verifyAgainstSet(presented: string, set: ApiKeySet): Verification {
  const id = apiKeyId(presented);
  return verifyApiKey(presented, id === undefined ? undefined : set.keys[id]);
}

export const withRecord = (set: ApiKeySet, record: ApiKeyRecord): ApiKeySet => ({
  keys: { ...set.keys, [record.id]: record },
});

/** The set with key `id` marked revoked (kept, so its id is never reissued unseen). */
export function withRevoked(set: ApiKeySet, id: string, now = new Date()): ApiKeySet | undefined {
  const record = set.keys[id];
  if (!record) return undefined;
  return withRecord(set, { ...record, revokedAt: record.revokedAt ?? now.toISOString() });
}
