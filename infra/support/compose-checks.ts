import {
  checkInstanceEnv,
  listenPort,
  perInstanceVariables,
  platformSecretProblems,
  sharedStateVariables,
  stopBudgetMs,
  upstreamsOf,
  type AppInstance,
} from './env-rules';
import type { DeployableApp } from './workspace-apps';

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }> | string[];
  deploy?: { replicas?: number };
  ports?: (string | { target: number })[];
  stop_grace_period?: string;
  volumes?: (string | { source?: string; target: string })[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export interface ComposeContext {
  readonly apps: readonly DeployableApp[];
  /** Where the image's health probe is (from the Dockerfile). */
  readonly healthProbe: string;
  /** HTTP paths each app's health controller answers, by project. */
  readonly healthPaths: Readonly<Record<string, readonly string[]>>;
}

/** A compose service running one of the workspace's apps. */
export interface AppContainer extends AppInstance {
  readonly service: ComposeService;
  readonly replicas: number;
  readonly config?: Record<string, unknown>;
}

const environmentOf = (service: ComposeService): Record<string, string> =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value ?? '')]),
  );

const dependsOn = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name) => [name, 'service_started']))
    : Object.fromEntries(
        Object.entries(service.depends_on ?? {}).map(([name, d]) => [
          name,
          d.condition ?? 'service_started',
        ]),
      );

/** Compose durations ("20s", "1m30s", "500ms") in milliseconds. */
export function durationMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const units: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  const rest = value.replace(
    /(\d+(?:\.\d+)?)(us|ms|s|m|h)/g,
    (_all, amount: string, unit: string) => {
      total += Number(amount) * units[unit];
      return '';
    },
  );
  return rest.trim() === '' ? total : undefined;
}

/** The host of a URL-ish value (`http://consul:8500`, `redis://redis:6379`, `consul:8500`). */
export function hostOf(value: string): string | undefined {
  const url = URL.parse(value.includes('://') ? value : `tcp://${value}`);
  return url?.hostname || undefined;
}

/** The app containers of a compose file: each service built from infra/Dockerfile for one app. */
export function appContainers(
  compose: ComposeFile,
  ctx: ComposeContext,
): {
  containers: AppContainer[];
  problems: string[];
} {
  const problems: string[] = [];
  const containers: AppContainer[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const appName = service.build?.args?.APP;
    if (appName === undefined) continue;
    const where = `compose service ${name}`;
    if (service.build?.dockerfile !== 'infra/Dockerfile') {
      problems.push(`${where}: built from ${service.build?.dockerfile}, not infra/Dockerfile`);
    }
    const app = ctx.apps.find((candidate) => candidate.project === appName);
    if (!app) {
      problems.push(`${where}: APP=${appName} is not a deployable app of the workspace`);
      continue;
    }
    const env = environmentOf(service);
    const checked = checkInstanceEnv({ where, app, env });
    problems.push(...checked.problems);
    containers.push({
      where,
      app,
      env,
      service,
      replicas: service.deploy?.replicas ?? 1,
      config: checked.config,
    });
  }
  return { containers, problems };
}

/** Every check of a compose file against the workspace's apps; empty when all hold. */
export function checkCompose(compose: ComposeFile, ctx: ComposeContext): string[] {
  const { containers, problems } = appContainers(compose, ctx);
  const serviceName = (container: AppContainer) => container.where.replace('compose service ', '');
  const consul = Object.entries(compose.services).find(([, s]) =>
    s.image?.startsWith('hashicorp/consul'),
  );
  if (!consul) problems.push('compose: no Consul service (image hashicorp/consul)');

  for (const app of ctx.apps) {
    const running = containers.filter((c) => c.app === app);
    const instances = running.reduce((sum, c) => sum + c.replicas, 0);
    const wanted = app.role === 'console' ? 1 : 2;
    if (instances < wanted) {
      problems.push(
        `compose: ${app.name} runs ${instances} instance(s), wanted at least ${wanted}`,
      );
    }
    for (const variable of sharedStateVariables(app)) {
      if (instances > 1 && running.some((c) => !c.env[variable])) {
        problems.push(
          `compose: ${instances} instances of ${app.name} without ${variable} keep apart what they should share`,
        );
      }
    }
    for (const variable of perInstanceVariables(app)) {
      // Unset, each instance draws its own; set, each must have its own.
      const values = running
        .filter((c) => c.env[variable] !== undefined)
        .flatMap((c) => Array<string>(c.replicas).fill(c.env[variable]));
      if (new Set(values).size !== values.length) {
        problems.push(
          `compose: ${app.name}'s instances share ${variable} (${values.join(', ')}); each needs its own`,
        );
      }
    }
  }

  for (const container of containers) {
    const { app, env, service, where, config } = container;
    if (!config) continue;
    const port = listenPort(app, config);
    const deps = dependsOn(service);
    const needsHealthy = (target: string, why: string) => {
      if (deps[target] !== 'service_healthy') {
        problems.push(`${where}: must depend on ${target} (service_healthy): ${why}`);
      }
    };

    // Discovery: the Consul service, started and healthy first.
    if (app.reads.has('CONSUL_HTTP_ADDR') && consul) {
      if (hostOf(env.CONSUL_HTTP_ADDR ?? '') !== consul[0]) {
        problems.push(
          `${where}: CONSUL_HTTP_ADDR (${env.CONSUL_HTTP_ADDR}) is not the Consul service ${consul[0]}`,
        );
      }
      needsHealthy(consul[0], 'it registers and resolves there');
    }
    // What its URLs name must be services of this file, up before it.
    for (const variable of ['REDIS_URL', 'DATABASE_URL']) {
      const value = env[variable];
      if (!value) continue;
      const host = hostOf(value) ?? '';
      if (!compose.services[host])
        problems.push(`${where}: ${variable} names ${host}, no service of this file`);
      else needsHealthy(host, `${variable} points there`);
    }
    for (const upstream of upstreamsOf(app, ctx.apps)) {
      for (const other of containers.filter((c) => c.app === upstream)) {
        needsHealthy(serviceName(other), `${app.name} calls ${upstream.name}`);
      }
    }

    // The healthcheck calls what the app serves: gRPC health on its port, or its HTTP health path.
    const test = Array.isArray(service.healthcheck?.test) ? service.healthcheck.test : [];
    const [, command, script, target] = test;
    if (command !== 'node' || script !== ctx.healthProbe || target === undefined) {
      problems.push(
        `${where}: healthcheck must be [CMD, node, ${ctx.healthProbe}, <url>] (got ${JSON.stringify(test)})`,
      );
    } else {
      const url = URL.parse(target);
      const paths = ctx.healthPaths[app.project] ?? [];
      const expected =
        app.role === 'service'
          ? url?.protocol === 'grpc:' && url.pathname.replace(/^\/$/, '') === ''
          : url?.protocol === 'http:' && paths.includes(url.pathname);
      if (!expected) {
        problems.push(
          `${where}: healthcheck ${target} is not ${app.role === 'service' ? 'gRPC health' : `one of ${app.name}'s health paths (${paths.join(', ')})`}`,
        );
      }
      if (Number(url?.port) !== port) {
        problems.push(
          `${where}: healthcheck ${target} probes port ${url?.port}, ${app.name} listens on ${port}`,
        );
      }
    }

    // Published ports are ones it listens on.
    for (const published of service.ports ?? []) {
      const target =
        typeof published === 'string' ? Number(published.split(':').pop()) : published.target;
      if (target !== port && target !== Number(config.METRICS_PORT)) {
        problems.push(
          `${where}: publishes container port ${target}; ${app.name} listens on ${port}`,
        );
      }
    }

    // A stop lasts as long as the drain.
    const grace = durationMs(service.stop_grace_period) ?? 10_000;
    if (app.role !== 'console' && grace < stopBudgetMs(config)) {
      problems.push(
        `${where}: stop_grace_period ${grace} ms is shorter than its drain (${stopBudgetMs(config)} ms)`,
      );
    }
  }

  // Whatever is waited on as healthy has a healthcheck.
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [target, condition] of Object.entries(dependsOn(service))) {
      if (condition === 'service_healthy' && !compose.services[target]?.healthcheck) {
        problems.push(
          `compose service ${name}: waits for ${target} to be healthy, which has no healthcheck`,
        );
      }
    }
  }
  problems.push(...platformSecretProblems(containers, 'compose'));
  return problems;
}
