import {
  hostField,
  logLevelField,
  metricsEnv,
  millisField,
  portField,
  registrationEnv,
  upstreamAddressesField,
} from '@junction/config';
import { BALANCER_KINDS, type BalancerKind } from '@junction/discovery';
import { TRANSPORT_KINDS } from '@junction/grpc-client';
import { z } from 'zod';
import { rateLimitEnv } from '../edge/rate-limit/rate-limit.env';
import { sheddingEnv } from '../edge/shedding/shedding.env';

const balancerField = (fallback: BalancerKind) => z.enum(BALANCER_KINDS).default(fallback);

export const gatewayConfigSchema = z.object({
  GATEWAY_HOST: hostField('127.0.0.1'),
  GATEWAY_PORT: portField(8080),
  LOG_LEVEL: logLevelField,
  // How it finds upstreams, and registers itself (service `gateway`, HTTP check on /healthz).
  ...registrationEnv(),
  ...metricsEnv(),
  // Used only when DISCOVERY=static.
  UPSTREAM_CATALOG: upstreamAddressesField('127.0.0.1:9101'),
  UPSTREAM_INVENTORY: upstreamAddressesField('127.0.0.1:9102'),
  UPSTREAM_REVIEWS: upstreamAddressesField('127.0.0.1:9103'),
  UPSTREAM_ORDERS: upstreamAddressesField('127.0.0.1:9104'),
  UPSTREAM_TIMEOUT_MS: millisField(2000),
  GRPC_TRANSPORT: z.enum(TRANSPORT_KINDS).default('mux'),
  BALANCER_CATALOG: balancerField('p2c'),
  BALANCER_INVENTORY: balancerField('p2c'),
  // Reviews by product id: a product's reviews stay warm in one instance's cache.
  BALANCER_REVIEWS: balancerField('consistent-hash'),
  // Orders by Idempotency-Key: each instance remembers the keys it served,
  // so a repeated (or retried) create must reach the same one.
  BALANCER_ORDERS: balancerField('consistent-hash'),
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
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
