import { z } from 'zod';

/** The part of a JWKS document the verifier relies on; any other member is kept as given. */
const jwksSchema = z.object({
  keys: z.array(z.object({ kty: z.string(), kid: z.string().optional() }).passthrough()).max(100),
});

export type JwksDocument = { keys: Array<Record<string, unknown> & { kty: string; kid?: string }> };

export interface JwksSourceOptions {
  readonly url: string;
  /** One fetch may take this long; then the last good set is used. */
  readonly timeoutMs: number;
  /** A set older than this is fetched again before use (if the fetch fails, the old one serves). */
  readonly maxAgeMs: number;
  /** An unknown `kid` fetches again at most this often (a rotation), not on every forged token. */
  readonly cooldownMs: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/**
 * The identity provider's signing keys: fetched with a timeout, validated,
 * cached, refreshed when stale or when a token names a key it does not
 * know (rotation), and served from the last good copy while the provider
 * is down. undefined only when no set was ever fetched.
 */
export class JwksSource {
  private last?: { readonly document: JwksDocument; readonly fetchedAt: number };
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inFlight?: Promise<void>;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: JwksSourceOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  /** The set last fetched, as it stands (no fetch): a new object whenever a fetch succeeds. */
  get latest(): JwksDocument | undefined {
    return this.last?.document;
  }

  async keys(kid: string | undefined): Promise<JwksDocument | undefined> {
    const now = this.now();
    const stale = !this.last || now - this.last.fetchedAt >= this.options.maxAgeMs;
    const unknownKid =
      kid !== undefined && !this.last?.document.keys.some((key) => key.kid === kid);
    const mayRetry = now - this.lastAttemptAt >= this.options.cooldownMs;
    if (!this.last || (stale && mayRetry) || (unknownKid && mayRetry)) await this.refresh();
    return this.last?.document;
  }

  private refresh(): Promise<void> {
    // Concurrent verifications share one fetch.
    this.inFlight ??= this.fetchOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetchOnce(): Promise<void> {
    this.lastAttemptAt = this.now();
    try {
      const response = await this.fetch(this.options.url, {
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return;
      const parsed = jwksSchema.safeParse(await response.json());
      if (parsed.success) {
        this.last = { document: parsed.data as JwksDocument, fetchedAt: this.now() };
      }
    } catch {
      // Unreachable, slow or not JSON: the last good set keeps serving.
    }
  }
}
