import type { ServiceResolver } from '../service-resolver.port';
import { StaticResolver } from '../static/static.resolver';
import { consulClient } from './consul-client';
import { consulHealthSource } from './consul-health.source';
import { ConsulResolver } from './consul.resolver';
import { instanceId, ServiceRegistration } from './service-registration';

/** The parsed discovery settings (see discoveryEnv / registrationEnv in @junction/config). */
export interface DiscoverySettings {
  readonly DISCOVERY: 'consul' | 'static';
  readonly CONSUL_HTTP_ADDR: string;
  readonly DISCOVERY_WAIT_MS: number;
}

export interface RegistrationSettings extends DiscoverySettings {
  readonly ADVERTISE_HOST?: string;
  readonly CHECK_INTERVAL: string;
  readonly CHECK_TIMEOUT: string;
  readonly DEREGISTER_CRITICAL_AFTER: string;
  readonly REGISTRATION_KEEPALIVE_MS: number;
}

export interface DiscoveryHooks {
  readonly onError?: (message: string, error: unknown) => void;
  readonly onInfo?: (message: string, fields: Record<string, unknown>) => void;
}

/** What the hooks need of a logger (pino's shape), so discovery stays free of pino. */
export interface StructuredLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** The hooks every app passes: failures as warnings with the error, notices as info. */
export const discoveryLogHooks = (logger: StructuredLog): DiscoveryHooks => ({
  onError: (message, error) => logger.warn({ err: error }, message),
  onInfo: (message, fields) => logger.info(fields, message),
});

/**
 * The resolver an app calls its upstreams through: Consul watches, or the
 * fixed `staticAddresses` when DISCOVERY=static.
 */
export function upstreamResolver(
  settings: DiscoverySettings,
  services: readonly string[],
  staticAddresses: () => Readonly<Record<string, readonly string[]>>,
  hooks: DiscoveryHooks = {},
): ServiceResolver {
  if (settings.DISCOVERY === 'static') return new StaticResolver(staticAddresses());
  return new ConsulResolver({
    source: consulHealthSource(consulClient(settings.CONSUL_HTTP_ADDR)),
    services,
    waitMs: settings.DISCOVERY_WAIT_MS,
    backoff: { initialMs: 200, maxMs: 10_000 },
    onError: (service, error, failures) =>
      failures === 1 &&
      hooks.onError?.(`watching ${service} failed; serving the last known instances`, error),
    onChange: (service, instances) =>
      hooks.onInfo?.('upstream instances changed', {
        service,
        instances: instances.map((i) => i.address),
      }),
  });
}

export interface ServiceIdentity {
  readonly name: string;
  readonly listenHost: string;
  readonly port: number;
  readonly meta: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  /**
   * The port its metrics server bound (known only once it listens): advertised
   * as meta `metrics_port`, so Prometheus' Consul discovery finds every target.
   */
  readonly metricsPort?: number;
  /** An HTTP server's health path (e.g. /healthz), checked instead of gRPC health. */
  readonly httpCheckPath?: string;
}

/** This service's registry entry, or none when DISCOVERY=static. */
export function serviceRegistration(
  settings: RegistrationSettings,
  service: ServiceIdentity,
  hooks: DiscoveryHooks = {},
): ServiceRegistration | undefined {
  if (settings.DISCOVERY === 'static') return undefined;
  const anyAddress = service.listenHost === '0.0.0.0' || service.listenHost === '::';
  const address = settings.ADVERTISE_HOST ?? (anyAddress ? '127.0.0.1' : service.listenHost);
  return new ServiceRegistration(
    consulClient(settings.CONSUL_HTTP_ADDR),
    {
      name: service.name,
      id: instanceId(service.name, service.port),
      address,
      port: service.port,
      tags: service.tags ?? [],
      meta:
        service.metricsPort === undefined
          ? service.meta
          : { ...service.meta, metrics_port: String(service.metricsPort) },
      check: {
        interval: settings.CHECK_INTERVAL,
        timeout: settings.CHECK_TIMEOUT,
        deregisterCriticalServiceAfter: settings.DEREGISTER_CRITICAL_AFTER,
        httpPath: service.httpCheckPath,
      },
    },
    {
      keepAliveMs: settings.REGISTRATION_KEEPALIVE_MS,
      onReregistered: () =>
        hooks.onInfo?.('registered again: the registry had forgotten this instance', {}),
      onError: (error) => hooks.onError?.('could not confirm the registration', error),
    },
  );
}
