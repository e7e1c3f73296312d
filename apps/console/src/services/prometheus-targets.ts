import type { ServiceView } from '@junction/console-api';

/** One Prometheus HTTP service-discovery target group. */
export interface PrometheusTargetGroup {
  readonly targets: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Prometheus HTTP-SD (`http_sd_configs`): each passing instance that
 * advertises `Meta.metrics_port`, labelled with its service and instance id,
 * so Prometheus builds without Consul discovery scrape the same targets.
 */
export function prometheusTargets(services: readonly ServiceView[]): PrometheusTargetGroup[] {
  return services.flatMap((service) =>
    service.instances
      .filter((instance) => instance.status === 'passing' && instance.metricsPort !== undefined)
      .map((instance) => ({
        targets: [
          `${instance.address.includes(':') ? `[${instance.address}]` : instance.address}:${instance.metricsPort}`,
        ],
        labels: { service: service.name, instance: instance.id },
      })),
  );
}
