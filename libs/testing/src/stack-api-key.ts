import { ApiKeyAdmin, consulKvStore, type NewApiKey } from '@junction/auth';
import { awaitApiKeyAccepted } from '@junction/launcher';

/**
 * A new API key written to a stack's Consul KV, as `npm run junction --
 * api-key create` writes one; resolves once the gateway accepts it.
 */
export async function createStackApiKey(
  consulAddress: string,
  gatewayUrl: string,
  owner: string,
  scopes: readonly string[] = ['orders'],
): Promise<NewApiKey> {
  const created = await new ApiKeyAdmin(consulKvStore(consulAddress)).create(owner, scopes);
  await awaitApiKeyAccepted(gatewayUrl, created.key);
  return created;
}
