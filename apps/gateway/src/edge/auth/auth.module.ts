import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  API_KEYS_KV_KEY,
  apiKeySetSchema,
  Authenticator,
  InternalTokens,
  JwtVerifier,
  type ApiKeySet,
} from '@junction/auth';
import { runtimeConfig, type DiscoverySettings, type RuntimeConfig } from '@junction/discovery';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { RequestIdentities } from '../rate-limit/request-identities';
import { RouteRateLimiters } from '../rate-limit/route-rate-limiters';
import { API_KEYS } from './api-keys.token';
import { jwtSettingsGiven, type AuthEnv } from './auth.env';
import { EdgeAuthentication } from './edge-authentication';

function jwtVerifier(env: AuthEnv): JwtVerifier | undefined {
  if (!jwtSettingsGiven(env)) return undefined;
  return new JwtVerifier(
    {
      jwksUrl: env.AUTH_JWKS_URL as string,
      issuer: env.AUTH_JWT_ISSUER as string,
      audience: env.AUTH_JWT_AUDIENCE as string,
      algorithms: env.AUTH_JWT_ALGORITHMS,
      clockToleranceSec: env.AUTH_CLOCK_SKEW_S,
    },
    {
      timeoutMs: env.AUTH_JWKS_TIMEOUT_MS,
      maxAgeMs: env.AUTH_JWKS_MAX_AGE_MS,
      cooldownMs: env.AUTH_JWKS_COOLDOWN_MS,
    },
  );
}

/**
 * Authentication at the edge: the API key records watched in Consul KV (a
 * key created or revoked there applies within a blocking query's round
 * trip, on every replica), the identity provider's JWTs, and the count of
 * refused credentials per client in the rate limiters' store. Global: the
 * rate-limit guard keys its budgets on the identity decided here.
 */
@Global()
@Module({})
export class AuthModule implements OnModuleDestroy {
  constructor(@Inject(API_KEYS) private readonly apiKeys: RuntimeConfig<ApiKeySet>) {}

  static register(env: AuthEnv & DiscoverySettings): DynamicModule {
    const log = new Logger('Auth');
    return {
      module: AuthModule,
      providers: [
        {
          provide: API_KEYS,
          useFactory: () =>
            runtimeConfig(env, {
              key: API_KEYS_KV_KEY,
              schema: apiKeySetSchema,
              log,
              onChange: (set: ApiKeySet) =>
                log.log(`API keys: ${Object.keys(set.keys).length} on record`),
            }),
        },
        {
          provide: EdgeAuthentication,
          inject: [API_KEYS, RouteRateLimiters, GatewayMetrics],
          useFactory: (
            apiKeys: RuntimeConfig<ApiKeySet>,
            limiters: RouteRateLimiters,
            metrics: GatewayMetrics,
          ) =>
            new EdgeAuthentication({
              authenticator: new Authenticator({
                apiKeys: () => apiKeys.current,
                jwt: jwtVerifier(env),
              }),
              limiters,
              failureLimit: env.AUTH_FAILURE_LIMIT,
              onRefused: (failure) => metrics.edge.authRefused.inc({ reason: failure }),
              tokens: env.INTERNAL_TOKEN_SECRET
                ? new InternalTokens(env.INTERNAL_TOKEN_SECRET)
                : undefined,
            }),
        },
        { provide: RequestIdentities, useExisting: EdgeAuthentication },
      ],
      exports: [API_KEYS, EdgeAuthentication, RequestIdentities],
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.apiKeys.stop();
  }
}
