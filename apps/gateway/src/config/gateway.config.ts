import {
  hostField,
  logLevelField,
  metricsEnv,
  millisField,
  portField,
  registrationEnv,
} from '@junction/config';
import { TRANSPORT_KINDS } from '@junction/grpc-client';
import { z } from 'zod';
import { authEnv } from '../edge/auth/auth.env';
import { rateLimitEnv } from '../edge/rate-limit/rate-limit.env';
import { sheddingEnv } from '../edge/shedding/shedding.env';
import { upstreamEnv } from '../upstreams/upstream.env';
import { UPSTREAMS } from '../upstreams/upstreams.declaration';

export const gatewayConfigSchema = z.object({
  GATEWAY_HOST: hostField('127.0.0.1'),
  GATEWAY_PORT: portField(8080),
  LOG_LEVEL: logLevelField,
  // How it finds upstreams, and registers itself (service `gateway`, HTTP check on /healthz).
  ...registrationEnv(),
  ...metricsEnv(),
  // UPSTREAM_<NAME> and BALANCER_<NAME> of each upstream, from its one declaration.
  ...upstreamEnv(UPSTREAMS),
  UPSTREAM_TIMEOUT_MS: millisField(2000),
  GRPC_TRANSPORT: z.enum(TRANSPORT_KINDS).default('mux'),
  /** Stale-if-error for catalog reads: the oldest copy served when the catalog fails… */
  CATALOG_STALE_MAX_AGE_MS: millisField(300_000),
  /** …and how many copies are kept. */
  CATALOG_STALE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  /** The longest an instance that could not be reached is skipped. */
  EJECTION_MAX_MS: millisField(30_000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  // Edge policies: RATE_LIMIT_*, REDIS_*, TRUST_PROXY and SHED_* (defaults documented there).
  ...rateLimitEnv(),
  ...sheddingEnv(),
  // Who may call what: AUTH_* (API keys always, JWTs when an identity provider is named)
  // and INTERNAL_TOKEN_SECRET, which signs the identity passed to services.
  ...authEnv(),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
