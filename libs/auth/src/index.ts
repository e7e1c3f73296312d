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
