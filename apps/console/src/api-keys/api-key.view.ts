import type { ApiKeyRecord } from '@junction/auth';

/** A key as the console shows it: never its hash, which is all that stands between a guess and a key. */
export interface ApiKeyView {
  readonly id: string;
  readonly owner: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** The answer to a create: the only time the key itself is ever shown. */
export interface CreatedApiKeyView extends ApiKeyView {
  readonly key: string;
}

/** Picks the shown fields (rather than omitting `hash`), so a field added to records later stays hidden. */
export const apiKeyView = (record: ApiKeyRecord): ApiKeyView => ({
  id: record.id,
  owner: record.owner,
  scopes: record.scopes,
  createdAt: record.createdAt,
  ...(record.revokedAt === undefined ? {} : { revokedAt: record.revokedAt }),
});
