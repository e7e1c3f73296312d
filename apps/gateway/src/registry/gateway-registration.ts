import { discoveryLogHooks, serviceRegistration } from '@junction/discovery';
import type { Logger } from '@junction/telemetry';
import type { GatewayConfig } from '../config/gateway.config';

/** Advertised in the registry's service meta. */
const SERVICE_VERSION = '0.1.0';
/** Deregistering must not hold up a shutdown when the registry is down. */
const DEREGISTER_TIMEOUT_MS = 2000;

/** The gateway's entry in the registry, for as long as it serves. */
export interface GatewayRegistration {
  /** Deregisters (first thing on shutdown), then waits DEREGISTER_GRACE_MS. */
  leave(): Promise<void>;
}

/**
 * Registers the gateway as service `gateway` once it answers: an HTTP check
 * on /healthz, meta `metrics_port` (the bound metrics port, so Prometheus'
 * Consul discovery finds it like every service) and `http_port`. Kept
 * registered while it runs; none with DISCOVERY=static.
 */
export async function registerGateway(
  config: GatewayConfig,
  metricsPort: number,
  logger: Logger,
): Promise<GatewayRegistration> {
  const registration = serviceRegistration(
    config,
    {
      name: 'gateway',
      listenHost: config.GATEWAY_HOST,
      port: config.GATEWAY_PORT,
      metricsPort,
      httpCheckPath: '/healthz',
      meta: { version: SERVICE_VERSION, http_port: String(config.GATEWAY_PORT) },
    },
    discoveryLogHooks(logger),
  );
  if (!registration) return { leave: async () => undefined };
  // If the registry is not up yet, the keep-alive registers as soon as it is.
  await registration.register().then(
    () => logger.info({ instance: registration.id }, 'registered in the service registry'),
    (error: unknown) => logger.warn({ err: error }, 'registration failed; will retry'),
  );
  registration.keepRegistered();
  return {
    leave: async () => {
      await withTimeout(registration.deregister(), DEREGISTER_TIMEOUT_MS).then(
        () => logger.info('deregistered from the service registry'),
        (error: unknown) => logger.warn({ err: error }, 'deregistration failed'),
      );
      // Whoever routes by the registry needs a moment to drop this instance.
      await new Promise((resolve) => setTimeout(resolve, config.DEREGISTER_GRACE_MS));
    },
  };
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
