import { z } from 'zod';
import { registrationEnv } from './discovery-env';
import { hostField, logLevelField, millisField, portField } from './env-fields';
import { metricsEnv } from './metrics-env';

type GrpcServiceEnv<P extends string> = Record<`${P}_HOST`, ReturnType<typeof hostField>> &
  Record<`${P}_PORT`, ReturnType<typeof portField>> & {
    LOG_LEVEL: typeof logLevelField;
    DRAIN_TIMEOUT_MS: ReturnType<typeof millisField>;
    GRPC_SERVER_TRANSPORT: ReturnType<typeof serverTransportField>;
    INTERNAL_TOKEN_SECRET: ReturnType<typeof internalTokenSecretField>;
  } & ReturnType<typeof registrationEnv> &
  ReturnType<typeof metricsEnv>;

/** What every service's config holds besides its own address (see grpcServiceEnv). */
export type GrpcServiceConfig = z.output<
  z.ZodObject<Omit<GrpcServiceEnv<'SERVICE'>, 'SERVICE_HOST' | 'SERVICE_PORT'>>
>;

/**
 * The wire server: the lean node:http2 one, or @grpc/grpc-js (the names of
 * @junction/grpc-server's SERVER_TRANSPORT_KINDS, which config cannot import).
 */
const serverTransportField = () => z.enum(['http2', 'grpc-js']).default('http2');

/**
 * The secret the gateway signs caller identities with (shared by the
 * platform's processes; at least 32 characters). Unset: the service takes
 * no identity, and handlers that need one answer UNAUTHENTICATED.
 */
const internalTokenSecretField = () =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
      .optional(),
  );

/**
 * What every gRPC service reads: `<PREFIX>_HOST`, `<PREFIX>_PORT`,
 * `LOG_LEVEL`, `DRAIN_TIMEOUT_MS`, `GRPC_SERVER_TRANSPORT`, `INTERNAL_TOKEN_SECRET`, how it registers (registrationEnv) and
 * where it serves metrics (metricsEnv). Spread into the service's own schema:
 * `z.object({ ...grpcServiceEnv('CATALOG', 9101), MY_SETTING: … })`.
 */
export function grpcServiceEnv<P extends string>(
  prefix: P,
  defaultPort: number,
): GrpcServiceEnv<P> {
  return {
    [`${prefix}_HOST`]: hostField('127.0.0.1'),
    [`${prefix}_PORT`]: portField(defaultPort),
    LOG_LEVEL: logLevelField,
    DRAIN_TIMEOUT_MS: millisField(10_000),
    GRPC_SERVER_TRANSPORT: serverTransportField(),
    INTERNAL_TOKEN_SECRET: internalTokenSecretField(),
    ...registrationEnv(),
    ...metricsEnv(),
  } as GrpcServiceEnv<P>;
}
