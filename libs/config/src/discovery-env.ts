import { z } from 'zod';
import { millisField } from './env-fields';

/**
 * `host:port[,host:port…]` of one upstream, for DISCOVERY=static; read as a
 * list with blanks around commas ignored.
 */
export const upstreamAddressesField = (fallback: string) =>
  z
    .string()
    .min(1)
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    );

/** Go duration strings as Consul reads them ("5s", "1m"). */
const goDuration = (fallback: string) =>
  z
    .string()
    .regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'must be a Go duration such as 5s or 1m')
    .default(fallback);

/**
 * How a process finds others: through Consul (the default; `npm start` runs
 * the dev registry when no Consul answers) or through fixed addresses
 * (UPSTREAM_<NAME>, for tests and platforms with their own discovery).
 */
export const discoveryEnv = () => ({
  DISCOVERY: z.enum(['consul', 'static']).default('consul'),
  /** As Consul's own CLI reads it: `host:port` or a URL. */
  CONSUL_HTTP_ADDR: z.string().min(1).default('http://127.0.0.1:8500'),
  /** How long one blocking health read waits for a change. */
  DISCOVERY_WAIT_MS: millisField(30_000),
});

/** What a service says about itself when it registers. */
export const registrationEnv = () => ({
  ...discoveryEnv(),
  /** Address others dial; defaults to the listen host (127.0.0.1 if that is 0.0.0.0). */
  ADVERTISE_HOST: z.string().min(1).optional(),
  CHECK_INTERVAL: goDuration('5s'),
  CHECK_TIMEOUT: goDuration('2s'),
  DEREGISTER_CRITICAL_AFTER: goDuration('1m'),
  /** How often to confirm the registry still knows this instance. */
  REGISTRATION_KEEPALIVE_MS: millisField(3000),
  /** After deregistering on SIGTERM, how long to keep serving before draining. */
  DEREGISTER_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});
