import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { healthPaths } from '../support/app-routes';
import { finalStage, readDockerfile } from '../support/dockerfile';
import { helmBinary, HELM_SOURCE } from '../support/helm-binary';
import {
  CHART,
  helm,
  kubernetesSchemaProblems,
  renderChart,
  TEST_VALUES,
  type Manifest,
} from '../support/helm-chart';
import { checkManifests, type ChartContext } from '../support/helm-checks';
import { deployableApps } from '../support/workspace-apps';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const workload = (manifests: Manifest[], app: string) =>
  manifests.find(
    (m) =>
      (m.kind === 'Deployment' || m.kind === 'StatefulSet') &&
      m.metadata.name === `junction-${app}`,
  ) as Mutable;
const container = (manifests: Manifest[], app: string) =>
  workload(manifests, app).spec.template.spec.containers[0];

describe('infra/helm/junction', () => {
  let ctx: ChartContext;
  let rendered: Manifest[];
  const copy = () => structuredClone(rendered);

  beforeAll(async () => {
    helmBinary();
    const apps = await deployableApps();
    const paths = Object.fromEntries(
      await Promise.all(
        apps.map(async (app) => [app.project, await healthPaths(app.project)] as const),
      ),
    );
    const user =
      finalStage(readDockerfile())
        .filter((i) => i.instruction === 'USER')
        .pop()?.args ?? '';
    ctx = { apps, healthPaths: paths, imageUser: Number(user.split(':')[0]), fullname: 'junction' };
    const result = renderChart();
    if (result.error) throw new Error(result.error);
    rendered = result.manifests;
  }, 180_000);

  it(`is rendered by helm ${HELM_SOURCE.helmVersion} itself, and passes helm lint --strict`, () => {
    expect(helm(['version', '--short']).stdout).toContain(HELM_SOURCE.helmVersion);
    const lint = helm(['lint', CHART, '--strict', '--values', TEST_VALUES]);
    expect(lint.stdout).toContain('0 chart(s) failed');
    expect(lint.status).toBe(0);
  });

  it('renders manifests the Kubernetes schemas accept (kubernetes-models validators)', () => {
    expect(rendered.length).toBeGreaterThan(0);
    expect(kubernetesSchemaProblems(rendered)).toEqual([]);
  });

  it('runs every app the workspace deploys, as they read their environment, listen, probe and drain', () => {
    expect(checkManifests(rendered, ctx)).toEqual([]);
  });

  it('renders with Secrets of your own, still valid and still what the apps read', () => {
    const { manifests, error } = renderChart({
      valuesFiles: [],
      set: [
        'redis.existingSecret=ops-redis',
        'postgres.existingSecret=ops-postgres',
        'console.existingSecret=ops-console',
        'internalToken.existingSecret=ops-internal-token',
      ],
    });
    expect(error).toBeUndefined();
    expect(manifests.some((m) => m.kind === 'Secret')).toBe(false);
    expect(kubernetesSchemaProblems(manifests)).toEqual([]);
    const databaseUrl = (container(manifests, 'orders').env as Mutable[]).find(
      (e) => e.name === 'DATABASE_URL',
    );
    expect(databaseUrl?.valueFrom.secretKeyRef).toEqual({
      name: 'ops-postgres',
      key: 'orders-database-url',
    });
    for (const app of ['gateway', 'catalog', 'orders']) {
      const secret = (container(manifests, app).env as Mutable[]).find(
        (e) => e.name === 'INTERNAL_TOKEN_SECRET',
      );
      expect(secret?.valueFrom.secretKeyRef).toEqual({
        name: 'ops-internal-token',
        key: 'internal-token-secret',
      });
    }
  });

  it('refuses to render without its external dependencies, or for a cluster without gRPC probes', () => {
    expect(renderChart({ valuesFiles: [] }).error).toMatch(/is required|are required/);
    expect(renderChart({ set: ['postgres.urls.inventory=null'] }).error).toMatch(
      /postgres\.urls\.inventory \(or postgres\.existingSecret\) is required/,
    );
    expect(renderChart({ set: ['redis.url='] }).error).toMatch(
      /redis\.url \(or redis\.existingSecret\) is required/,
    );
    expect(renderChart({ set: ['internalToken.secret='] }).error).toMatch(
      /internalToken\.secret \(or internalToken\.existingSecret\) is required/,
    );
    expect(renderChart({ kubeVersion: '1.27.0' }).error).toMatch(/kubeVersion/);
  });

  it('names in its templates only values that values.yaml has', () => {
    const values = parse(readFileSync(path.join(CHART, 'values.yaml'), 'utf8')) as Mutable;
    const templates = path.join(CHART, 'templates');
    const missing: string[] = [];
    for (const file of readdirSync(templates)) {
      const text = readFileSync(path.join(templates, file), 'utf8');
      for (const [, reference] of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
        let node: unknown = values;
        for (const key of reference.slice(1).split('.')) {
          node =
            node && typeof node === 'object' && key in node ? (node as Mutable)[key] : undefined;
          if (node === undefined) break;
        }
        if (node === undefined) missing.push(`${file}: .Values${reference}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents every value in its README', () => {
    const values = parse(readFileSync(path.join(CHART, 'values.yaml'), 'utf8')) as Mutable;
    const readme = readFileSync(path.join(CHART, 'README.md'), 'utf8');
    const leaves = (node: unknown, at: string): string[] =>
      node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0
        ? Object.entries(node).flatMap(([key, value]) => leaves(value, at ? `${at}.${key}` : key))
        : [at];
    const { apps, ...rest } = values;
    const paths = [
      ...leaves(rest, ''),
      ...Object.values(apps as Mutable).flatMap((app) =>
        Object.keys(app).map((key) => `apps.<name>.${key}`),
      ),
    ];
    expect([...new Set(paths)].filter((p) => !readme.includes(`\`${p}\``))).toEqual([]);
  });

  describe('fails when what it checks breaks', () => {
    it('a setting the app does not read, set through values', () => {
      const { manifests } = renderChart({ set: ['apps.catalog.env.CATALOG_PROT=9101'] });
      expect(checkManifests(manifests, ctx)).toContain(
        'Deployment junction-catalog: sets CATALOG_PROT, which catalog does not read',
      );
    });

    it('a probe on a port the app does not listen on, or not gRPC health', () => {
      const broken = copy();
      container(broken, 'reviews').readinessProbe = { grpc: { port: 9999 } };
      container(broken, 'inventory').livenessProbe = { tcpSocket: { port: 9102 } };
      const problems = checkManifests(broken, ctx);
      expect(problems).toContain(
        'Deployment junction-reviews: readinessProbe calls gRPC health on 9999, reviews listens on 9103',
      );
      expect(problems).toContain('Deployment junction-inventory: livenessProbe is not gRPC health');
    });

    it('an HTTP probe of a path the gateway does not serve', () => {
      const broken = copy();
      container(broken, 'gateway').readinessProbe.httpGet.path = '/ready';
      expect(checkManifests(broken, ctx).join('\n')).toMatch(
        /readinessProbe GET \/ready, not one of gateway's health paths/,
      );
    });

    it('a listen port moved without its probes and ports', () => {
      const broken = copy();
      (
        broken.find(
          (m) => m.kind === 'ConfigMap' && m.metadata.name === 'junction-catalog',
        ) as Mutable
      ).data.CATALOG_PORT = '9201';
      const problems = checkManifests(broken, ctx);
      expect(problems).toContain(
        'Deployment junction-catalog: no containerPort 9201, where catalog listens',
      );
      expect(problems).toContain(
        'Deployment junction-catalog: readinessProbe calls gRPC health on 9101, catalog listens on 9201',
      );
    });

    it('one orders machine id for every pod, a Deployment without its HPA, PDB or Redis', () => {
      const broken = copy();
      const env = container(broken, 'orders').env as Mutable[];
      env.splice(
        env.findIndex((e) => e.name === 'ORDERS_MACHINE_ID'),
        1,
        { name: 'ORDERS_MACHINE_ID', value: '1' },
      );
      const withoutHpa = broken.filter(
        (m) =>
          !(m.kind === 'HorizontalPodAutoscaler' && m.metadata.name === 'junction-reviews') &&
          !(m.kind === 'PodDisruptionBudget' && m.metadata.name === 'junction-catalog'),
      );
      const gatewayEnv = container(withoutHpa, 'gateway').env as Mutable[];
      gatewayEnv.splice(
        gatewayEnv.findIndex((e) => e.name === 'REDIS_URL'),
        1,
      );
      const problems = checkManifests(withoutHpa, ctx);
      expect(problems.join('\n')).toMatch(
        /junction-orders: every pod gets the same ORDERS_MACHINE_ID/,
      );
      expect(problems).toContain('Deployment junction-reviews: has no HorizontalPodAutoscaler');
      expect(problems).toContain(
        'Deployment junction-catalog: no PodDisruptionBudget covers its pods',
      );
      expect(problems.join('\n')).toMatch(/junction-gateway: 2 pods without REDIS_URL/);
    });

    it('a service without the caller-signing secret, or with its own', () => {
      const broken = copy();
      const reviews = container(broken, 'reviews');
      reviews.env = (reviews.env as Mutable[]).filter((e) => e.name !== 'INTERNAL_TOKEN_SECRET');
      (
        broken.find(
          (m) => m.kind === 'ConfigMap' && m.metadata.name === 'junction-catalog',
        ) as Mutable
      ).data.INTERNAL_TOKEN_SECRET = 'x'.repeat(32);
      const catalog = container(broken, 'catalog');
      catalog.env = (catalog.env as Mutable[]).filter((e) => e.name !== 'INTERNAL_TOKEN_SECRET');
      const problems = checkManifests(broken, ctx);
      expect(problems).toContain(
        "Deployment junction-reviews: no INTERNAL_TOKEN_SECRET; the platform's apps share one",
      );
      expect(problems).toContain(
        'chart: 2 different values of INTERNAL_TOKEN_SECRET; they must share one',
      );
      expect(problems).toContain(
        'Deployment junction-catalog: INTERNAL_TOKEN_SECRET is in a ConfigMap; credentials belong in a Secret',
      );
    });

    it('a grace period shorter than the drain, root, or a credential in a ConfigMap', () => {
      const broken = copy();
      workload(broken, 'catalog').spec.template.spec.terminationGracePeriodSeconds = 5;
      workload(broken, 'reviews').spec.template.spec.securityContext.runAsUser = 0;
      (
        broken.find(
          (m) => m.kind === 'ConfigMap' && m.metadata.name === 'junction-gateway',
        ) as Mutable
      ).data.REDIS_URL = 'redis://r:6379';
      const problems = checkManifests(broken, ctx);
      expect(problems.join('\n')).toMatch(
        /junction-catalog: terminationGracePeriodSeconds 5 is shorter than its drain/,
      );
      expect(problems).toContain(
        "Deployment junction-reviews: must run as non-root user 1000, the image's",
      );
      expect(problems).toContain(
        'Deployment junction-gateway: REDIS_URL is in a ConfigMap; credentials belong in a Secret',
      );
    });

    it('a manifest the Kubernetes schema refuses, or a kind it does not know', () => {
      const broken = copy();
      container(broken, 'catalog').livenessProbe.grpc.port = 'grpc';
      const problems = kubernetesSchemaProblems([
        ...broken,
        { apiVersion: 'v1', kind: 'Deploymnet', metadata: { name: 'x' } },
      ]);
      expect(problems).toContain(
        'Deployment junction-catalog: data/spec/template/spec/containers/0/livenessProbe/grpc/port must be integer',
      );
      expect(problems).toContain('Deploymnet x: no schema for v1/Deploymnet');
    });
  });
});
