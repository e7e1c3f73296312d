import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Verification } from './identity';

/**
 * `jk_<id>_<secret>`: the id (12 hex chars) is public and finds the record;
 * the secret (32 random bytes, base64url) is shown once and stored only as
 * its SHA-256. A KDF buys nothing for 256 random bits: no dictionary to try.
 */
const API_KEY = /^jk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const apiKeyRecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  /** hex SHA-256 of the secret part */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  owner: z.string().min(1).max(200),
  scopes: z.array(z.string().regex(/^[a-z][a-z0-9:._-]*$/)).max(50),
  createdAt: z.string().datetime(),
  revokedAt: z.string().datetime().optional(),
});

export type ApiKeyRecord = z.output<typeof apiKeyRecordSchema>;

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export interface NewApiKey {
  /** Give this to its owner once; it is not stored anywhere. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

export function createApiKey(
  owner: string,
  scopes: readonly string[],
  now = new Date(),
): NewApiKey {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const record = apiKeyRecordSchema.parse({
    id,
    hash: sha256(secret).toString('hex'),
    owner,
    scopes: [...scopes],
    createdAt: now.toISOString(),
  });
  return { key: `jk_${id}_${secret}`, record };
}

/** The public id of a presented key, or undefined when it is not shaped like one. */
export function apiKeyId(presented: string): string | undefined {
  return API_KEY.exec(presented)?.[1];
}

/**
 * Checks a presented key against the record its id found (undefined: no
 * such key). The hashes are compared in constant time, so timing tells
 * nothing about how much of a guess was right.
 */
export function verifyApiKey(presented: string, record: ApiKeyRecord | undefined): Verification {
  const match = API_KEY.exec(presented);
  if (!match) return { ok: false, failure: 'malformed' };
  if (!record || record.id !== match[1]) return { ok: false, failure: 'unknown-key' };
  const same = timingSafeEqual(sha256(match[2]), Buffer.from(record.hash, 'hex'));
  if (!same) return { ok: false, failure: 'wrong-secret' };
  if (record.revokedAt) return { ok: false, failure: 'revoked' };
  return {
    ok: true,
    identity: { subject: record.owner, scopes: record.scopes, kind: 'api-key', keyId: record.id },
  };
}
