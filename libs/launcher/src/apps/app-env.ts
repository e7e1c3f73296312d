import type { PortPlan } from '../ports/port-plan';
import { envPrefix, isInstrumented, type AppDefinition } from './app-set';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the console runs, when the launcher starts one. */
export interface ConsoleEndpoint {
  /** What the console listens on (CONSOLE_HOST). */
  readonly host: string;
  readonly port: number;
  readonly otlpPort: number;
  /** The UI token (CONSOLE_TOKEN). */
  readonly token: string;
  /** Required by the console's OTLP receiver when set (header x-otlp-api-key). */
  readonly otlpApiKey?: string;
}

export interface AppEnvContext {
  /** Where every app listens. */
  readonly host: string;
  readonly ports: PortPlan;
  /** CONSUL_HTTP_ADDR of every app. */
  readonly consulAddress: string;
  readonly console?: ConsoleEndpoint;
  /** The launcher's control API, given to the console. */
  readonly control?: { readonly url: string; readonly token: string };
  /**
   * The secret the gateway signs callers' identities with and every service
   * verifies them with (INTERNAL_TOKEN_SECRET), one per run.
   */
  readonly internalTokenSecret?: string;
}

/** A host to dial for a listen host (a wildcard bind is reached on loopback). */
export const dialHost = (host: string): string =>
  host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

/** Base URL of the console's OTLP/HTTP receiver. */
export const consoleOtlpUrl = (endpoint: ConsoleEndpoint): string =>
  `http://${dialHost(endpoint.host)}:${endpoint.otlpPort}`;

/**
 * The environment that places an app: its own address, the registry's, and
 * for the console the token and the control API. No app is told another's
 * address: they find each other in the registry. Nothing here is left to
 * the user's environment (one METRICS_PORT for every process would clash).
 */
export function addressEnv(app: AppDefinition, ctx: AppEnvContext): Record<string, string> {
  const port = String(ctx.ports.apps[app.name]);
  switch (app.role) {
    case 'registry':
      return { DEV_REGISTRY_HOST: ctx.host, DEV_REGISTRY_PORT: port };
    case 'console':
      return {
        CONSUL_HTTP_ADDR: ctx.consulAddress,
        OTEL_SERVICE_NAME: app.name,
        CONSOLE_HOST: ctx.console?.host ?? ctx.host,
        CONSOLE_PORT: port,
        ...(ctx.ports.consoleOtlp === undefined
          ? {}
          : { CONSOLE_OTLP_PORT: String(ctx.ports.consoleOtlp) }),
        ...(ctx.console ? { CONSOLE_TOKEN: ctx.console.token } : {}),
        ...(ctx.console?.otlpApiKey ? { CONSOLE_OTLP_API_KEY: ctx.console.otlpApiKey } : {}),
        ...(ctx.control
          ? { JUNCTION_LAUNCHER_URL: ctx.control.url, JUNCTION_LAUNCHER_TOKEN: ctx.control.token }
          : {}),
      };
    case 'service':
    case 'gateway': {
      const metricsPort = ctx.ports.metrics?.[app.name];
      return {
        CONSUL_HTTP_ADDR: ctx.consulAddress,
        [`${envPrefix(app.name)}_HOST`]: ctx.host,
        [`${envPrefix(app.name)}_PORT`]: port,
        OTEL_SERVICE_NAME: app.name,
        ...(metricsPort === undefined ? {} : { METRICS_PORT: String(metricsPort) }),
      };
    }
  }
}

/**
 * Defaults the user's environment overrides. With a console running, every
 * instrumented app exports to it (unless OTEL_EXPORTER_OTLP_ENDPOINT names
 * another collector) with development sampling (everything, so
 * any X-Trace-Id a developer sees can be looked up) and a short batch delay
 * (spans show within a second). Without planned metrics ports (the test
 * stacks) each takes any free one.
 */
export function defaultEnv(
  app: AppDefinition,
  ctx: AppEnvContext,
  base: Env = {},
): Record<string, string> {
  if (!isInstrumented(app)) return {};
  const toConsole = ctx.console && !base.OTEL_EXPORTER_OTLP_ENDPOINT ? ctx.console : undefined;
  const signsOrVerifiesCallers = app.role === 'gateway' || app.role === 'service';
  return {
    ...(signsOrVerifiesCallers && ctx.internalTokenSecret
      ? { INTERNAL_TOKEN_SECRET: ctx.internalTokenSecret }
      : {}),
    ...(ctx.ports.metrics?.[app.name] === undefined ? { METRICS_PORT: '0' } : {}),
    ...(ctx.console
      ? { OTEL_BSP_SCHEDULE_DELAY: '500', OTEL_TRACES_SAMPLER: 'parentbased_always_on' }
      : {}),
    ...(toConsole ? { OTEL_EXPORTER_OTLP_ENDPOINT: consoleOtlpUrl(toConsole) } : {}),
    // The key goes to the console only, never to a collector the user named.
    ...(toConsole?.otlpApiKey
      ? { OTEL_EXPORTER_OTLP_HEADERS: `x-otlp-api-key=${toConsole.otlpApiKey}` }
      : {}),
  };
}

/** An app's whole environment: defaults, then `base` (the user's), then its address. */
export const appEnv = (app: AppDefinition, ctx: AppEnvContext, base: Env): Env => ({
  ...defaultEnv(app, ctx, base),
  ...base,
  ...addressEnv(app, ctx),
});
