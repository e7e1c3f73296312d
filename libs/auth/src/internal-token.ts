import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { remember } from './bounded-cache';
import type { Identity } from './identity';

const ISSUER = 'junction-gateway';
const AUDIENCE = 'junction-services';
const ALGORITHM = 'HS256';
/** Long enough to be reused across many requests, short enough that a leaked one soon dies. */
const TTL_S = 120;
/** Minted again once less than this is left, so a token never expires mid-call chain. */
const RENEW_BEFORE_S = 60;

const claimsSchema = z.object({
  sub: z.string().min(1),
  scp: z.array(z.string()),
  knd: z.enum(['api-key', 'jwt']),
  kid: z.string().optional(),
  exp: z.number(),
});

/** At least 32 bytes: an HMAC key no shorter than its output. */
export const internalTokenSecretSchema = z
  .string()
  .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)');

const identityKey = (identity: Identity) =>
  `${identity.kind}\n${identity.subject}\n${identity.keyId ?? ''}\n${identity.scopes.join(' ')}`;

/**
 * The short-lived token the gateway signs for each verified identity and
 * every service verifies before it believes who a call is for: a service
 * reached directly, or by anything but the gateway, cannot claim an
 * identity. HMAC with a secret shared by the platform's processes (a
 * Kubernetes Secret; `npm start` makes one per run). Both sides cache, so
 * the per-request cost is a map lookup, not a signature.
 */
export class InternalTokens {
  private readonly key: Uint8Array;
  private readonly minted = new Map<string, { token: string; exp: number }>();
  private readonly verified = new Map<string, { identity: Identity; exp: number }>();

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = new TextEncoder().encode(internalTokenSecretSchema.parse(secret));
  }

  async mint(identity: Identity): Promise<string> {
    const cacheKey = identityKey(identity);
    const nowS = Math.floor(this.now() / 1000);
    const cached = this.minted.get(cacheKey);
    if (cached && cached.exp - nowS > RENEW_BEFORE_S) return cached.token;
    const exp = nowS + TTL_S;
    const token = await new SignJWT({
      scp: [...identity.scopes],
      knd: identity.kind,
      ...(identity.keyId ? { kid: identity.keyId } : {}),
    })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(identity.subject)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(nowS)
      .setExpirationTime(exp)
      .sign(this.key);
    remember(this.minted, cacheKey, { token, exp });
    return token;
  }

  /** The identity a token proves, or undefined: forged, expired, or not ours. */
  async verify(token: string): Promise<Identity | undefined> {
    const nowS = Math.floor(this.now() / 1000);
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.exp > nowS) return cached.identity;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: new Date(this.now()),
      });
      const claims = claimsSchema.parse(payload);
      const identity: Identity = {
        subject: claims.sub,
        scopes: claims.scp,
        kind: claims.knd,
        ...(claims.kid ? { keyId: claims.kid } : {}),
      };
      remember(this.verified, token, { identity, exp: claims.exp });
      return identity;
    } catch {
      return undefined;
    }
  }
}

/** What traces may say of a subject: a stable pseudonym, never the name or the secret. */
export const subjectHash = (subject: string): string =>
  createHash('sha256').update(subject).digest('base64url').slice(0, 16);
