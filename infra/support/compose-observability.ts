import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { hostOf, type ComposeFile, type ComposeService } from './compose-checks';
import { INFRA } from './workspace-apps';

/** What infra/prometheus and infra/grafana expect of the machines around them. */
export interface ObservabilityFiles {
  /** Hosts of prometheus.yml's consul_sd_configs servers. */
  readonly consulSdServers: readonly string[];
  /** Where Grafana's dashboard provider reads dashboards from. */
  readonly dashboardsPath: string;
  /** Hosts of Grafana's provisioned datasources. */
  readonly datasourceHosts: readonly string[];
}

export function readObservabilityFiles(): ObservabilityFiles {
  const yaml = (file: string) => parse(readFileSync(path.join(INFRA, file), 'utf8')) as unknown;
  const prometheus = yaml('prometheus/prometheus.yml') as {
    scrape_configs: { consul_sd_configs?: { server: string }[] }[];
  };
  const provider = yaml('grafana/provisioning/dashboards/junction.yml') as {
    providers: { options: { path: string } }[];
  };
  const datasources = yaml('grafana/provisioning/datasources/prometheus.yml') as {
    datasources: { url: string }[];
  };
  return {
    consulSdServers: prometheus.scrape_configs.flatMap((job) =>
      (job.consul_sd_configs ?? []).map((sd) => hostOf(sd.server) ?? sd.server),
    ),
    dashboardsPath: provider.providers[0].options.path,
    datasourceHosts: datasources.datasources.map((d) => hostOf(d.url) ?? d.url),
  };
}

/** `source:target[:mode]` of a service's volumes. */
const mounts = (service: ComposeService | undefined) =>
  (service?.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') return { source: volume.source ?? '', target: volume.target };
    const [source, target] = volume.split(':');
    return { source, target };
  });

/**
 * The compose file wires infra/'s own Prometheus, Grafana and tracing
 * settings as they are written: the names they dial are its services, the
 * files are mounted where they are read.
 */
export function checkObservabilityWiring(
  compose: ComposeFile,
  files: ObservabilityFiles,
): string[] {
  const problems: string[] = [];
  const { services } = compose;
  const byImage = (prefix: string) =>
    Object.keys(services).find((name) => services[name].image?.startsWith(prefix));
  const consul = byImage('hashicorp/consul');
  const prometheus = byImage('prom/prometheus');
  const grafana = byImage('grafana/grafana');
  for (const server of files.consulSdServers) {
    if (server !== consul)
      problems.push(`prometheus.yml discovers through ${server}, not the Consul service ${consul}`);
  }
  const expectMount = (service: string | undefined, source: string, target: string) => {
    if (
      !mounts(service ? services[service] : undefined).some(
        (m) => m.source === source && m.target === target,
      )
    ) {
      problems.push(
        `compose service ${service ?? '(missing)'}: does not mount ${source} at ${target}`,
      );
    }
  };
  expectMount(prometheus, './prometheus/prometheus.yml', '/etc/prometheus/prometheus.yml');
  expectMount(prometheus, './prometheus/rules', '/etc/prometheus/rules');
  expectMount(grafana, './grafana/provisioning', '/etc/grafana/provisioning');
  expectMount(grafana, './grafana/dashboards', files.dashboardsPath);
  for (const host of files.datasourceHosts) {
    if (host !== prometheus)
      problems.push(`Grafana's datasource dials ${host}, not the Prometheus service ${prometheus}`);
  }
  for (const [name, service] of Object.entries(services)) {
    const endpoint = service.environment?.OTEL_EXPORTER_OTLP_ENDPOINT;
    if (typeof endpoint === 'string' && !services[hostOf(endpoint) ?? '']) {
      problems.push(
        `compose service ${name}: OTEL_EXPORTER_OTLP_ENDPOINT ${endpoint} is no service of this file`,
      );
    }
  }
  return problems;
}
