import { context, trace } from '@opentelemetry/api';
import {
  missingScopes,
  presentedCredential,
  subjectHash,
  type Authenticator,
  type CredentialFailure,
  type Caller,
  type Identity,
  type InternalTokens,
  type RoutePolicy,
} from '@junction/auth';
import type { FastifyRequest } from 'fastify';
import type { RequestIdentities } from '../rate-limit/request-identities';
import type { RouteRateLimiters } from '../rate-limit/route-rate-limiters';
import type { AuthRefusal } from './auth.response';

export interface EdgeAuthenticationDeps {
  readonly authenticator: Authenticator;
  /** Counts refused credentials per client IP (the rate limiters' store: memory or Redis). */
  readonly limiters: RouteRateLimiters;
  readonly failureLimit: number;
  readonly onRefused: (failure: CredentialFailure) => void;
  /** Signs the identity passed on to services; none is passed without it. */
  readonly tokens?: InternalTokens;
}

export type AuthOutcome =
  | { readonly ok: true; readonly caller: Caller | undefined }
  | { readonly ok: false; readonly refusal: AuthRefusal };

const FAILURES = 'auth-failures';
const FAILURE_WINDOW_S = 60;
const DEFAULT_POLICY: RoutePolicy = { access: 'identified', scopes: [] };

/**
 * What the edge decides of one request's credential against its route's
 * policy: who it is (or anonymous, on a public route), 401, 403, or 429
 * once a client has had too many credentials refused.
 */
export class EdgeAuthentication implements RequestIdentities {
  /** Each authenticated request's identity, for the rate-limit guard that runs after the hook. */
  private readonly identities = new WeakMap<FastifyRequest, Identity>();

  constructor(private readonly deps: EdgeAuthenticationDeps) {}

  identityOf(request: FastifyRequest): Identity | undefined {
    return this.identities.get(request);
  }

  remember(request: FastifyRequest, identity: Identity): void {
    this.identities.set(request, identity);
  }

  async decide(request: FastifyRequest, declared: RoutePolicy | undefined): Promise<AuthOutcome> {
    const policy = declared ?? DEFAULT_POLICY;
    const credential = presentedCredential(
      request.headers.authorization,
      request.headers['x-api-key'],
    );
    const verification = await this.deps.authenticator.verify(credential);
    if (verification === undefined) {
      return policy.access === 'public'
        ? { ok: true, caller: undefined }
        : { ok: false, refusal: { status: 401, tokenSent: false } };
    }
    if (!verification.ok) {
      this.deps.onRefused(verification.failure);
      return { ok: false, refusal: await this.refusedCredential(request.ip) };
    }
    const { identity } = verification;
    annotate(identity);
    if (missingScopes(policy, identity).length > 0) {
      return { ok: false, refusal: { status: 403 } };
    }
    const token = this.deps.tokens && (await this.deps.tokens.mint(identity));
    return { ok: true, caller: token === undefined ? { identity } : { identity, token } };
  }

  private async refusedCredential(ip: string): Promise<AuthRefusal> {
    const decision = await this.deps.limiters.consume(FAILURES, `ip:${ip}`, {
      points: this.deps.failureLimit,
      durationS: FAILURE_WINDOW_S,
    });
    return decision.allowed
      ? { status: 401, tokenSent: true }
      : { status: 429, retryAfterS: Math.max(1, decision.resetS) };
  }
}

/** Who the request is for, on its server span: the key id and a subject hash, never a secret. */
function annotate(identity: Identity): void {
  const span = trace.getSpan(context.active());
  if (!span) return;
  span.setAttribute('enduser.id', subjectHash(identity.subject));
  span.setAttribute('junction.auth.kind', identity.kind);
  if (identity.keyId) span.setAttribute('junction.auth.key_id', identity.keyId);
}
