import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { helmBinary } from './helm-binary';
import { INFRA } from './workspace-apps';

export const CHART = path.join(INFRA, 'helm', 'junction');
/** The values the checks render with: the external dependencies set (ci/, as chart-testing names it). */
export const TEST_VALUES = path.join(CHART, 'ci', 'test-values.yaml');
/** The Kubernetes version rendered for; kubernetes-models 5.1.0's schemas are of about this one. */
export const KUBE_VERSION = '1.34.0';

export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

export interface HelmResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function helm(args: readonly string[]): HelmResult {
  const result = spawnSync(helmBinary(), args, {
    encoding: 'utf8',
    env: { ...process.env, HELM_CACHE_HOME: path.join(path.dirname(helmBinary()), 'cache') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RenderOptions {
  readonly valuesFiles?: readonly string[];
  readonly set?: readonly string[];
  readonly kubeVersion?: string;
}

/** `helm template` of the chart; the manifests, or helm's complaint. */
export function renderChart(options: RenderOptions = {}): {
  manifests: Manifest[];
  error?: string;
} {
  const args = [
    'template',
    'junction',
    CHART,
    '--kube-version',
    options.kubeVersion ?? KUBE_VERSION,
    ...(options.valuesFiles ?? [TEST_VALUES]).flatMap((file) => ['--values', file]),
    ...(options.set ?? []).flatMap((value) => ['--set', value]),
  ];
  const result = helm(args);
  if (result.status !== 0) return { manifests: [], error: result.stderr.trim() };
  const manifests = parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
  return { manifests };
}

/** kubernetes-models' validation of each manifest (support/validate-k8s.mjs); the problems. */
export function kubernetesSchemaProblems(manifests: readonly unknown[]): string[] {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'validate-k8s.mjs')], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`validate-k8s.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}
