import { ApiKeyAdmin, consulKvStore } from '@junction/auth';
import { ProblemError } from '../http/problem';
import type { CreateApiKey } from './api-key.schema';
import { apiKeyKvStore } from './api-key-kv.store';
import { apiKeyView, type ApiKeyView, type CreatedApiKeyView } from './api-key.view';

/** consulKvStore builds URLs by appending to the address; Consul's own clients also accept `host:port`. */
const httpAddress = (address: string): string =>
  /^https?:\/\//i.test(address) ? address : `http://${address}`;

/**
 * The console's side of API key management: the same ApiKeyAdmin the CLI
 * uses, over the same KV key, so a key made in either is seen by both and
 * by every gateway replica. Answers are views: the hash never leaves here.
 */
export class ApiKeyControl {
  private readonly admin: ApiKeyAdmin;

  constructor(consulAddress: string, timeoutMs: number) {
    const address = httpAddress(consulAddress);
    this.admin = new ApiKeyAdmin(apiKeyKvStore(consulKvStore(address, timeoutMs), address));
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.admin.list()).map(apiKeyView);
  }

  async create({ owner, scopes }: CreateApiKey): Promise<CreatedApiKeyView> {
    const { key, record } = await busyAs409(this.admin.create(owner, scopes));
    return { key, ...apiKeyView(record) };
  }

  /** Revoking twice keeps the first revokedAt: the record says when it stopped working. */
  async revoke(id: string): Promise<ApiKeyView> {
    if (!(await busyAs409(this.admin.revoke(id))))
      throw new ProblemError(404, `there is no API key ${id}`);
    const record = (await this.admin.list()).find((candidate) => candidate.id === id);
    if (!record) throw new ProblemError(409, `API key ${id} was removed while it was revoked`);
    return apiKeyView(record);
  }
}

/**
 * ApiKeyAdmin gives up after a few check-and-set attempts lost to other
 * writers and says so only in its message: that is a "try again", not a 500.
 */
async function busyAs409<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (!(error instanceof ProblemError) && /kept changing/.test(String(error))) {
      throw new ProblemError(409, 'the API keys kept changing under this write; try again');
    }
    throw error;
  }
}
