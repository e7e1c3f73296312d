import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '@junction/testing';
import { parse } from 'yaml';

export const INFRA = path.join(WORKSPACE_ROOT, 'infra');
export const PROMETHEUS_CONFIG = path.join(INFRA, 'prometheus', 'prometheus.yml');
export const ALERT_RULES = path.join(INFRA, 'prometheus', 'rules', 'junction-alerts.yml');
export const ALERT_RULE_TESTS = path.join(INFRA, 'prometheus', 'rules', 'junction-alerts.test.yml');
export const DASHBOARD = path.join(INFRA, 'grafana', 'dashboards', 'junction-overview.json');

export const readYaml = (file: string): Record<string, unknown> =>
  parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: readonly { expr: string }[];
  readonly panels?: readonly Panel[];
}

/** Every PromQL expression of the dashboard's panels, with its panel's title. */
export function dashboardQueries(): { panel: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  const walk = (panels: readonly Panel[]): { panel: string; expr: string }[] =>
    panels.flatMap((panel) => [
      ...(panel.targets ?? []).map(({ expr }) => ({ panel: panel.title, expr })),
      ...walk(panel.panels ?? []),
    ]);
  return walk(dashboard.panels);
}

/** Every alert and recording rule expression of infra/'s rule files. */
export function ruleQueries(): { rule: string; expr: string }[] {
  const { groups } = readYaml(ALERT_RULES) as {
    groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
  };
  return groups.flatMap((group) =>
    group.rules.map((rule) => ({ rule: rule.alert ?? rule.record ?? '?', expr: rule.expr })),
  );
}

/**
 * The dashboard's expressions as Prometheus would run them: Grafana's
 * variables replaced by what they stand for on "All".
 */
export const asPrometheusQuery = (expr: string): string =>
  expr.replaceAll('$__rate_interval', '1m').replaceAll('$service', '.*');

const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'by',
  'without',
  'rate',
  'increase',
  'irate',
  'histogram_quantile',
  'unless',
  'on',
  'and',
  'or',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'le',
  'max_over_time',
  'min_over_time',
  'label_values',
  'topk',
  'abs',
]);

/** Metric names an expression reads (identifiers that are neither functions nor labels). */
export function metricNames(expr: string): string[] {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const withoutMatchers = withoutStrings.replace(/\{[^}]*\}/g, '{}').replace(/\[[^\]]*\]/g, '');
  const withoutGroupings = withoutMatchers.replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  const names = withoutGroupings.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(names.filter((name) => !PROMQL_WORDS.has(name) && !/^\d/.test(name)))];
}
