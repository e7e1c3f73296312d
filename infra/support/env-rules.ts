import type { DeployableApp } from './workspace-apps';
import { parseAppEnv } from './workspace-apps';

/** Where one instance of an app runs, as a deployment file sets it up. */
export interface AppInstance {
  /** What names it in the file: a compose service, a Kubernetes workload. */
  readonly where: string;
  readonly app: DeployableApp;
  /** Its environment, with values as the process will see them. */
  readonly env: Readonly<Record<string, string>>;
}

/** Hosts that mean every interface: a container must listen there to be reached. */
const ANY_HOST = new Set(['0.0.0.0', '::']);

/**
 * What holds for an app's environment wherever it runs: it names only
 * variables the app reads, parses with the app's own schema, and listens on
 * every interface. Returns the parsed config (when it parses) and problems.
 */
export function checkInstanceEnv(instance: AppInstance): {
  config?: Record<string, unknown>;
  problems: string[];
} {
  const { app, env, where } = instance;
  const problems = Object.keys(env)
    .filter((name) => !app.reads.has(name))
    .map((name) => `${where}: sets ${name}, which ${app.name} does not read`);
  const parsed = parseAppEnv(app, env);
  problems.push(...parsed.problems.map((problem) => `${where}: ${problem}`));
  const host = `${app.prefix}_HOST`;
  if (app.reads.has(host) && !ANY_HOST.has(env[host] ?? '')) {
    problems.push(
      `${where}: ${host} must be 0.0.0.0 (got ${env[host] ?? 'the default, loopback'})`,
    );
  }
  return { config: parsed.config, problems };
}

/** The port an app listens on, from its parsed config. */
export const listenPort = (app: DeployableApp, config: Record<string, unknown>): number =>
  Number(config[`${app.prefix}_PORT`]);

/**
 * How long a stop takes at most: a service deregisters, keeps answering for
 * DEREGISTER_GRACE_MS, then drains for up to DRAIN_TIMEOUT_MS; the gateway
 * deregisters (2 s at most) and waits DEREGISTER_GRACE_MS before closing. A
 * few seconds more for spans and logs to flush.
 */
export function stopBudgetMs(config: Record<string, unknown>): number {
  const number = (name: string) => (typeof config[name] === 'number' ? Number(config[name]) : 0);
  const deregister = 'DEREGISTER_GRACE_MS' in config ? 2000 : 0;
  return deregister + number('DEREGISTER_GRACE_MS') + number('DRAIN_TIMEOUT_MS') + 3000;
}

/** The apps an app calls, from its `UPSTREAM_<NAME>` variables. */
export function upstreamsOf(app: DeployableApp, apps: readonly DeployableApp[]): DeployableApp[] {
  return apps.filter((other) => app.reads.has(`UPSTREAM_${other.prefix}`));
}

/** Variables that, when set, must differ between instances: per-instance ids (ORDERS_MACHINE_ID). */
export const perInstanceVariables = (app: DeployableApp): string[] =>
  [...app.reads].filter((name) => /_MACHINE_ID$/.test(name));

/**
 * Variables every app that reads them must be given, one value across the
 * whole platform: INTERNAL_TOKEN_SECRET (the gateway signs the caller's
 * identity with it, each service checks it; unset or different, services
 * refuse the calls that carry one and orders refuses every call).
 */
export const platformSecretVariables = (app: DeployableApp): string[] =>
  ['INTERNAL_TOKEN_SECRET'].filter((name) => app.reads.has(name));

/** Problems of a platform secret across instances: missing somewhere, or more than one value. */
export function platformSecretProblems(instances: readonly AppInstance[], where: string): string[] {
  const problems: string[] = [];
  const variables = new Set(instances.flatMap(({ app }) => platformSecretVariables(app)));
  for (const variable of variables) {
    const readers = instances.filter(({ app }) => app.reads.has(variable));
    for (const { where: instance } of readers.filter(({ env }) => !env[variable])) {
      problems.push(`${instance}: no ${variable}; the platform's apps share one`);
    }
    const values = new Set(readers.map(({ env }) => env[variable]).filter(Boolean));
    if (values.size > 1) {
      problems.push(
        `${where}: ${values.size} different values of ${variable}; they must share one`,
      );
    }
  }
  return problems;
}

/**
 * Variables an app needs once it runs more than one instance: REDIS_URL (the
 * gateway's replicas share their rate limits) and DATABASE_URL (unset, each
 * instance keeps its own embedded database).
 */
export const sharedStateVariables = (app: DeployableApp): string[] =>
  ['REDIS_URL', 'DATABASE_URL'].filter((name) => app.reads.has(name));
