/**
 * How a suite's global setup hands its stack's API key to the test files:
 * Jest starts its workers after global setup, with its environment.
 */
const SHARED_API_KEY_ENV = 'JUNCTION_E2E_API_KEY';

export const shareApiKey = (key: string): void => {
  process.env[SHARED_API_KEY_ENV] = key;
};

/** The `X-API-Key` header of the key global setup shared. */
export function sharedApiKeyHeader(): { 'x-api-key': string } {
  const key = process.env[SHARED_API_KEY_ENV];
  if (!key) throw new Error(`${SHARED_API_KEY_ENV} is unset: global setup shares the stack's key`);
  return { 'x-api-key': key };
}
