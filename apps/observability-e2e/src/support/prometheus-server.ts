import { ManagedProcess, waitUntil } from '@junction/testing';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { ALERT_RULES } from './infra-files';

export interface PrometheusServer {
  readonly url: string;
  /** An instant query; throws with Prometheus' own error when it refuses the expression. */
  query(expr: string): Promise<PromSample[]>;
  /** The scrape targets and their health, as Prometheus sees them. */
  targets(): Promise<PromTarget[]>;
  stop(): Promise<void>;
}

export interface PromSample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

export interface PromTarget {
  readonly labels: Record<string, string>;
  readonly health: 'up' | 'down' | 'unknown';
  readonly lastError: string;
}

interface ApiAnswer<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
}

async function api<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json()) as ApiAnswer<T>;
  if (body.status !== 'success') throw new Error(`prometheus: ${body.error ?? res.status}`);
  return body.data;
}

/**
 * A real Prometheus (the Debian package; tools/scripts/system-deps.mjs
 * installs it) scraping what `sdUrl` lists in Prometheus' HTTP-SD format,
 * every `scrapeIntervalS`, with infra/'s alert rules loaded, its data in a
 * temp dir removed on stop.
 */
export async function startPrometheus(options: {
  port: number;
  sdUrl: string;
  scrapeIntervalS?: number;
}): Promise<PrometheusServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'junction-prometheus-'));
  const interval = `${options.scrapeIntervalS ?? 1}s`;
  mkdirSync(path.join(dir, 'rules'));
  copyFileSync(ALERT_RULES, path.join(dir, 'rules', 'junction-alerts.yml'));
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: ['rules/junction-alerts.yml'],
    scrape_configs: [
      {
        job_name: 'junction',
        http_sd_configs: [{ url: options.sdUrl, refresh_interval: interval }],
      },
    ],
  };
  writeFileSync(path.join(dir, 'prometheus.yml'), stringify(config));
  const url = `http://127.0.0.1:${options.port}`;
  const proc = new ManagedProcess({
    name: 'prometheus',
    command: 'prometheus',
    args: [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
    ],
    env: process.env,
    cwd: dir,
  });
  const stop = async () => {
    await proc.stop(5000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      async () => {
        if (!proc.running) throw new Error(`prometheus exited:\n${proc.lines.join('\n')}`);
        return (await fetch(`${url}/-/ready`).catch(() => undefined))?.ok === true;
      },
      { timeoutMs: 20_000, what: 'prometheus to be ready', intervalMs: 100 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    query: async (expr) => {
      const data = await api<{
        result: { metric: Record<string, string>; value: [number, string] }[];
      }>(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      return data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
    },
    targets: async () =>
      (await api<{ activeTargets: PromTarget[] }>(`${url}/api/v1/targets?state=active`))
        .activeTargets,
    stop,
  };
}
