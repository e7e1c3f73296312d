import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  ALERT_RULES,
  ALERT_RULE_TESTS,
  dashboardQueries,
  metricNames,
  PROMETHEUS_CONFIG,
  readYaml,
  ruleQueries,
} from './support/infra-files';

const promtool = (...args: string[]) => {
  const result = spawnSync('promtool', args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('infra/ for operators who bring their own Prometheus and Grafana', () => {
  let scratch: string;
  beforeAll(() => (scratch = mkdtempSync(path.join(tmpdir(), 'junction-infra-'))));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds every target through Consul with one relabel rule on Meta.metrics_port', () => {
    const config = readYaml(PROMETHEUS_CONFIG) as {
      scrape_configs: {
        consul_sd_configs?: unknown[];
        relabel_configs: Record<string, unknown>[];
      }[];
    };
    const [job] = config.scrape_configs;
    expect(job.consul_sd_configs).toHaveLength(1);
    expect(job.relabel_configs).toContainEqual({
      source_labels: [
        '__meta_consul_service_address',
        '__meta_consul_service_metadata_metrics_port',
      ],
      separator: ':',
      target_label: '__address__',
    });
  });

  it('passes promtool check config once Consul discovery is rewritten to HTTP SD', () => {
    // Debian's Prometheus is built without Consul discovery: the same file,
    // its consul_sd_configs swapped for the console's HTTP SD endpoint.
    const config = readYaml(PROMETHEUS_CONFIG) as {
      scrape_configs: Record<string, unknown>[];
    };
    for (const job of config.scrape_configs) {
      expect(job.consul_sd_configs).toBeDefined();
      delete job.consul_sd_configs;
      job.http_sd_configs = [{ url: 'http://127.0.0.1:8090/api/prometheus/targets' }];
    }
    mkdirSync(path.join(scratch, 'rules'));
    copyFileSync(ALERT_RULES, path.join(scratch, 'rules', 'junction-alerts.yml'));
    const rewritten = path.join(scratch, 'prometheus.yml');
    writeFileSync(rewritten, stringify(config));
    const result = promtool('check', 'config', rewritten);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it('has alert rules that promtool accepts and whose unit tests pass', () => {
    expect(promtool('check', 'rules', ALERT_RULES)).toMatchObject({ status: 0 });
    const tests = promtool('test', 'rules', ALERT_RULE_TESTS);
    expect(tests.output).toContain('SUCCESS');
    expect(tests.status).toBe(0);
  });

  it('alerts on open breakers, error ratios, a stale registry and missing instances', () => {
    const alerts = ruleQueries().map((rule) => rule.rule);
    expect(alerts).toEqual(
      expect.arrayContaining([
        'JunctionBreakerOpen',
        'JunctionHttpErrorRatio',
        'JunctionRpcErrorRatio',
        'JunctionRegistryStale',
        'JunctionNoInstances',
      ]),
    );
  });

  it('has a dashboard covering routes, upstreams, breakers, edge and discovery', () => {
    const names = new Set(dashboardQueries().flatMap(({ expr }) => metricNames(expr)));
    for (const family of [
      'http_server_request_duration_seconds_count',
      'http_server_request_duration_seconds_bucket',
      'rpc_client_call_duration_seconds_bucket',
      'rpc_server_call_duration_seconds_bucket',
      'junction_upstream_breaker_state',
      'junction_upstream_calls_rejected_total',
      'junction_gateway_rate_limited_total',
      'junction_gateway_shed_total',
      'junction_discovery_instances',
      'junction_discovery_staleness_seconds',
    ]) {
      expect(names).toContain(family);
    }
  });

  it('reads metric names out of PromQL, not its functions or labels', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{service=~"a|b"}[1m])))',
      ),
    ).toEqual(['http_server_request_duration_seconds_bucket']);
    expect(metricNames('max by (x) (a_total) == 2 unless on (x) (b_gauge == 1)')).toEqual([
      'a_total',
      'b_gauge',
    ]);
  });
});
