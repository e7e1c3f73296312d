import { envPrefix, isInstrumented, type AppDefinition } from '../apps/app-set';
import { isPortFree, nextFreePort, type PortCheck } from './free-port';

/** The documented `npm start` ports. */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  registry: 8500,
  gateway: 8080,
  console: 8090,
  catalog: 9101,
  inventory: 9102,
  reviews: 9103,
  orders: 9104,
};
/** The standard OTLP/HTTP port, where the console receives traces and logs. */
export const DEFAULT_CONSOLE_OTLP_PORT = 4318;
/** A service without a documented port gets the next free one from here. */
const FIRST_EXTRA_SERVICE_PORT = 9105;
const FIRST_METRICS_PORT = 9200;

export interface PortPlan {
  /** Each app's listen port (the console's: its UI and API). */
  readonly apps: Readonly<Record<string, number>>;
  /**
   * METRICS_PORT of each instrumented app. Absent: each gets 0 (any free
   * port, advertised in its registration), as the test stacks run.
   */
  readonly metrics?: Readonly<Record<string, number>>;
  /** The console's OTLP/HTTP receiver, when the console is in the plan. */
  readonly consoleOtlp?: number;
}

export class PortPlanError extends Error {}

export interface PlanPortsOptions {
  readonly host?: string;
  /** The registry's port when CONSUL_HTTP_ADDR names one (it wins over REGISTRY_PORT). */
  readonly registryPort?: number;
  readonly isFree?: PortCheck;
}

function portFrom(env: Readonly<Record<string, string | undefined>>, variable: string) {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new PortPlanError(`${variable} must be a port number, got "${value}"`);
  }
  return port;
}

interface Wanted {
  readonly owner: string;
  readonly variable: string;
  readonly port: number;
}

/**
 * Ports for the apps `npm start` runs: `<NAME>_PORT` when set, else the
 * documented default, else (a service nobody documented yet) the next free
 * one after 9104; each instrumented app's METRICS_PORT from
 * `<NAME>_METRICS_PORT` or the next free one from 9200. Fixed ports that
 * clash or are in use fail here, with the variable that moves them, rather
 * than as a child's EADDRINUSE.
 */
export async function planPorts(
  apps: readonly AppDefinition[],
  env: Readonly<Record<string, string | undefined>>,
  { host = '127.0.0.1', registryPort, isFree = isPortFree }: PlanPortsOptions = {},
): Promise<PortPlan> {
  const fixed: Wanted[] = [];
  const pin = (owner: string, variable: string, port: number | undefined) => {
    if (port !== undefined) fixed.push({ owner, variable, port });
    return port;
  };
  const want = (owner: string, variable: string, fallback?: number) =>
    pin(owner, variable, portFrom(env, variable) ?? fallback);
  const appPorts: Record<string, number | undefined> = {};
  for (const app of apps) {
    appPorts[app.name] =
      app.role === 'registry' && registryPort !== undefined
        ? pin(app.name, 'CONSUL_HTTP_ADDR', registryPort)
        : want(app.name, `${envPrefix(app.name)}_PORT`, DEFAULT_PORTS[app.name]);
  }
  const hasConsole = apps.some((app) => app.role === 'console');
  const consoleOtlp = hasConsole
    ? want('console OTLP', 'CONSOLE_OTLP_PORT', DEFAULT_CONSOLE_OTLP_PORT)
    : undefined;
  const metricsWanted: Record<string, number | undefined> = {};
  for (const app of apps.filter(isInstrumented)) {
    metricsWanted[app.name] = want(`${app.name} metrics`, `${envPrefix(app.name)}_METRICS_PORT`);
  }

  const byPort = new Map<number, Wanted>();
  for (const wanted of fixed) {
    const other = byPort.get(wanted.port);
    if (other) {
      throw new PortPlanError(
        `${other.owner} and ${wanted.owner} both want port ${wanted.port}: set ${other.variable} or ${wanted.variable}`,
      );
    }
    byPort.set(wanted.port, wanted);
  }
  for (const wanted of fixed) {
    if (!(await isFree(wanted.port, host))) {
      throw new PortPlanError(
        `port ${wanted.port} (${wanted.owner}) is in use on ${host}: stop what holds it or set ${wanted.variable}`,
      );
    }
  }

  const taken = new Set(byPort.keys());
  const assign = async (from: number) => {
    const port = await nextFreePort(from, taken, host, isFree);
    taken.add(port);
    return port;
  };
  const planned: Record<string, number> = {};
  for (const app of apps) {
    planned[app.name] = appPorts[app.name] ?? (await assign(FIRST_EXTRA_SERVICE_PORT));
  }
  const metrics: Record<string, number> = {};
  for (const [name, port] of Object.entries(metricsWanted)) {
    metrics[name] = port ?? (await assign(FIRST_METRICS_PORT));
  }
  return { apps: planned, metrics, ...(consoleOtlp === undefined ? {} : { consoleOtlp }) };
}
