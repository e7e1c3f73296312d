import { registrationEnv } from './discovery-env';
import { hostField, logLevelField, millisField, portField } from './env-fields';
import { metricsEnv } from './metrics-env';

type GrpcServiceEnv<P extends string> = Record<`${P}_HOST`, ReturnType<typeof hostField>> &
  Record<`${P}_PORT`, ReturnType<typeof portField>> & {
    LOG_LEVEL: typeof logLevelField;
    DRAIN_TIMEOUT_MS: ReturnType<typeof millisField>;
  } & ReturnType<typeof registrationEnv> &
  ReturnType<typeof metricsEnv>;

/**
 * What every gRPC service reads: `<PREFIX>_HOST`, `<PREFIX>_PORT`,
 * `LOG_LEVEL`, `DRAIN_TIMEOUT_MS`, how it registers (registrationEnv) and
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
    ...registrationEnv(),
    ...metricsEnv(),
  } as GrpcServiceEnv<P>;
}
