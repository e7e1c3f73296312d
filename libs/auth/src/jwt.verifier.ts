import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { remember } from './bounded-cache';
import type { CredentialFailure, Identity, Verification } from './identity';
import { JwksSource, type JwksDocument, type JwksSourceOptions } from './jwks.source';

/** Signatures only a private key can make: never `none`, never HMAC (HS*) with a public key. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export const jwtSettingsSchema = z.object({
  jwksUrl: z.string().url(),
  issuer: z.string().min(1),
  audience: z.string().min(1),
  algorithms: z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1).default(['RS256', 'ES256']),
  clockToleranceSec: z.number().int().min(0).max(300).default(30),
});

export type JwtSettings = z.output<typeof jwtSettingsSchema>;

/** jose's error codes, as the one list of what each means here. */
const FAILURE_OF_CODE: Readonly<Record<string, CredentialFailure>> = {
  ERR_JWT_EXPIRED: 'expired',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm-not-allowed',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad-signature',
  ERR_JWKS_NO_MATCHING_KEY: 'bad-signature',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'bad-signature',
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
};
const FAILURE_OF_CLAIM: Readonly<Record<string, CredentialFailure>> = {
  iss: 'wrong-issuer',
  aud: 'wrong-audience',
  nbf: 'not-yet-valid',
  exp: 'expired',
};

const scopesOf = (payload: JWTPayload): string[] => {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  if (Array.isArray(payload.scp))
    return payload.scp.filter((s): s is string => typeof s === 'string');
  return [];
};

function failureOf(error: unknown): CredentialFailure {
  if (error instanceof errors.JWTClaimValidationFailed) {
    return FAILURE_OF_CLAIM[error.claim] ?? 'malformed';
  }
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && FAILURE_OF_CODE[code]) || 'malformed';
}

/**
 * How long a verified token is answered from memory at most: past it the
 * signature is checked again against the key set as it then stands, so a
 * key the provider withdraws stops counting within this plus the JWKS age.
 */
const ACCEPTED_MAX_MS = 60_000;

interface Accepted {
  readonly identity: Identity;
  readonly untilMs: number;
  /** The key set it was verified with; a newer set means verifying again. */
  readonly keys: JwksDocument;
}

/** Verifies bearer JWTs of one identity provider. */
export class JwtVerifier {
  private readonly keys: JwksSource;
  private readonly now: () => number;
  /** One key set per fetched document: jose imports each key once, not on every token. */
  private readonly keySets = new WeakMap<JwksDocument, ReturnType<typeof createLocalJWKSet>>();
  /**
   * Tokens already verified, by their exact text: a client sends the same
   * token with every request until it expires, and a signature check
   * (65–120 µs) is most of what verifying costs. Only accepted tokens are
   * kept, so forged ones cannot fill it with anything but misses.
   */
  private readonly accepted = new Map<string, Accepted>();

  constructor(
    private readonly settings: JwtSettings,
    source: Omit<JwksSourceOptions, 'url'>,
  ) {
    this.keys = new JwksSource({ ...source, url: settings.jwksUrl });
    this.now = source.now ?? Date.now;
  }

  async verify(token: string): Promise<Verification> {
    const hit = this.accepted.get(token);
    if (hit) {
      if (hit.untilMs > this.now() && hit.keys === this.keys.latest) {
        return { ok: true, identity: hit.identity };
      }
      this.accepted.delete(token);
    }
    return this.verifyAnew(token);
  }

  private async verifyAnew(token: string): Promise<Verification> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return { ok: false, failure: 'malformed' };
    }
    // Before any key is fetched: `none` and HS* never reach a key lookup.
    if (!(this.settings.algorithms as readonly string[]).includes(header.alg ?? '')) {
      return { ok: false, failure: 'algorithm-not-allowed' };
    }
    const document = await this.keys.keys(header.kid);
    if (!document) return { ok: false, failure: 'keys-unavailable' };
    try {
      const { payload } = await jwtVerify(token, this.keySetOf(document), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...this.settings.algorithms],
        clockTolerance: this.settings.clockToleranceSec,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(this.now()),
      });
      const identity: Identity = {
        subject: payload.sub as string,
        scopes: scopesOf(payload),
        kind: 'jwt',
        ...(header.kid ? { keyId: header.kid } : {}),
      };
      const untilMs = Math.min((payload.exp as number) * 1000, this.now() + ACCEPTED_MAX_MS);
      remember(this.accepted, token, { identity, untilMs, keys: document });
      return { ok: true, identity };
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
  }

  private keySetOf(document: JwksDocument): ReturnType<typeof createLocalJWKSet> {
    let keySet = this.keySets.get(document);
    if (!keySet) {
      keySet = createLocalJWKSet(document);
      this.keySets.set(document, keySet);
    }
    return keySet;
  }
}
