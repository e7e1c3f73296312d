export type { Identity, CredentialFailure, Verification } from './identity';
export {
  createApiKey,
  apiKeyId,
  verifyApiKey,
  apiKeyRecordSchema,
  type ApiKeyRecord,
  type NewApiKey,
} from './api-key';
export { JwksSource, type JwksSourceOptions, type JwksDocument } from './jwks.source';
export {
  JwtVerifier,
  jwtSettingsSchema,
  ASYMMETRIC_ALGORITHMS,
  type JwtSettings,
} from './jwt.verifier';
export {
  API_KEYS_KV_KEY,
  apiKeySetSchema,
  verifyAgainstSet,
  withRecord,
  withRevoked,
  type ApiKeySet,
} from './api-key-set';
export { ApiKeyAdmin, consulKvStore, type KvStore } from './api-key-admin';
export { InternalTokens, internalTokenSecretSchema, subjectHash } from './internal-token';
export { presentedCredential, type PresentedCredential } from './credential';
export { PUBLIC, requireScopes, missingScopes, type RoutePolicy } from './route-policy';
export { Authenticator, type AuthenticatorSources } from './authenticator';
export {
  CALLER_METADATA_KEY,
  withCaller,
  activeCaller,
  principalOf,
  type Caller,
} from './caller.context';
