import { API_KEYS_KV_KEY, apiKeySetSchema, type KvStore } from '@junction/auth';
import { issueLines, ProblemError } from '../http/problem';

/**
 * What went wrong, with fetch()'s hidden `cause` (refused, DNS, reset).
 * Duck-typed: errors from Node's own fetch need not be this realm's Error.
 */
function failure(error: unknown): string {
  const { message, cause } = (error ?? {}) as {
    message?: unknown;
    cause?: { message?: unknown; code?: unknown };
  };
  const text = typeof message === 'string' ? message : String(error);
  const why = (typeof cause?.message === 'string' && cause.message) || cause?.code;
  return why ? `${text} (${String(why)})` : text;
}

/**
 * The API key document in Consul KV, as ApiKeyAdmin reads and writes it,
 * with the console's answers for what can go wrong there: a registry that
 * does not answer (or answers an error) is a 503, a document the gateway
 * would refuse is a 409 naming what is wrong, and nothing is written over
 * it. ApiKeyAdmin throws plain Errors for both, which would be opaque 500s.
 */
export function apiKeyKvStore(inner: KvStore, address: string): KvStore {
  const unreachable = (what: string, error: unknown) =>
    new ProblemError(503, `the registry at ${address} could not ${what}: ${failure(error)}`);
  return {
    async read(key) {
      let entry: Awaited<ReturnType<KvStore['read']>>;
      try {
        entry = await inner.read(key);
      } catch (error) {
        throw unreachable(`be read`, error);
      }
      if (entry) checkDocument(entry.value);
      return entry;
    },
    async writeIfUnchanged(key, value, index) {
      try {
        return await inner.writeIfUnchanged(key, value, index);
      } catch (error) {
        throw unreachable(`take the write`, error);
      }
    },
  };
}

/** Refuses what ApiKeyAdmin would refuse, with the reasons rather than one line. */
function checkDocument(text: string): void {
  const refused = (errors?: string[]) =>
    new ProblemError(
      409,
      `${API_KEYS_KV_KEY} holds a document the gateway refuses; fix or delete it first`,
      errors,
    );
  let json: unknown;
  try {
    // An empty value is an empty set, as ApiKeyAdmin reads it.
    json = JSON.parse(text || '{}');
  } catch {
    throw refused(['(body): is not JSON']);
  }
  const parsed = apiKeySetSchema.safeParse(json);
  if (!parsed.success) throw refused(issueLines(parsed.error));
}
