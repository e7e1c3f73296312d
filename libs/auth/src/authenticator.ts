import { verifyAgainstSet, type ApiKeySet } from './api-key-set';
import type { PresentedCredential } from './credential';
import type { Verification } from './identity';
import type { JwtVerifier } from './jwt.verifier';

export interface AuthenticatorSources {
  /** The API keys in force (the KV watch's current value). */
  readonly apiKeys: () => ApiKeySet;
  /** Bearer JWTs are refused as malformed when no identity provider is configured. */
  readonly jwt?: JwtVerifier;
}

/** One presented credential → who it proves, or why not. */
export class Authenticator {
  constructor(private readonly sources: AuthenticatorSources) {}

  async verify(credential: PresentedCredential): Promise<Verification | undefined> {
    switch (credential.kind) {
      case 'none':
        return undefined;
      case 'malformed':
        return { ok: false, failure: 'malformed' };
      case 'api-key':
        return verifyAgainstSet(credential.value, this.sources.apiKeys());
      case 'bearer':
        return this.sources.jwt
          ? this.sources.jwt.verify(credential.value)
          : { ok: false, failure: 'malformed' };
    }
  }
}
