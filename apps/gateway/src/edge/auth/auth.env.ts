import { ASYMMETRIC_ALGORITHMS, internalTokenSecretSchema } from '@junction/auth';
import { millisField } from '@junction/config';
import { z } from 'zod';

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(blankAsUnset, schema.optional());

const algorithmsField = z
  .string()
  .default('RS256,ES256')
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1));

/**
 * Authentication at the edge. API keys always work (their records live in
 * Consul KV); bearer JWTs only when an identity provider is named, all three
 * of AUTH_JWKS_URL, AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE together.
 */
export const authEnv = () => ({
  AUTH_JWKS_URL: optional(z.string().url()),
  AUTH_JWT_ISSUER: optional(z.string().min(1)),
  AUTH_JWT_AUDIENCE: optional(z.string().min(1)),
  /** Asymmetric only: `none` and HS* are not in the enum, so they cannot be configured. */
  AUTH_JWT_ALGORITHMS: algorithmsField,
  /** Clock skew allowed on exp / nbf. */
  AUTH_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(300).default(30),
  AUTH_JWKS_TIMEOUT_MS: millisField(2000),
  /** The JWKS is fetched again when older than this (and at once for an unknown kid, at most every AUTH_JWKS_COOLDOWN_MS). */
  AUTH_JWKS_MAX_AGE_MS: millisField(600_000),
  /** The least time between two fetches of the JWKS: tokens with unknown kids cannot hammer the provider. */
  AUTH_JWKS_COOLDOWN_MS: millisField(30_000),
  /** Refused credentials one client IP may present per minute; past them, 429 before any check. */
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /**
   * Signs the identity the gateway passes to services (shared with them).
   * Unset: no identity is sent, and services that need one refuse the call.
   */
  INTERNAL_TOKEN_SECRET: optional(internalTokenSecretSchema),
});

type AuthFields = z.output<z.ZodObject<ReturnType<typeof authEnv>>>;

/** The three JWT settings are all given or all left out. */
export const jwtSettingsGiven = (env: AuthFields): boolean => {
  const given = [env.AUTH_JWKS_URL, env.AUTH_JWT_ISSUER, env.AUTH_JWT_AUDIENCE].filter(
    (value) => value !== undefined,
  ).length;
  if (given !== 0 && given !== 3) {
    throw new Error('AUTH_JWKS_URL, AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE are set together');
  }
  return given === 3;
};

export type AuthEnv = AuthFields;
