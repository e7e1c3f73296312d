import { randomBytes } from 'node:crypto';
import { appEnv, consoleOtlpUrl, dialHost, type ConsoleEndpoint, type Env } from '../apps/app-env';
import { appProcessSpec } from '../apps/app-process';
import { startStages, type AppDefinition } from '../apps/app-set';
import { newToken } from '../control/bearer-token';
import { startControlServer } from '../control/control-server';
import { OtlpLogForwarder } from '../logs/otlp-log-forwarder';
import type { PortPlan } from '../ports/port-plan';
import type { ManagedProcess, OutputStream } from '../process/managed-process';
import { readinessProbe } from '../readiness/app-readiness';
import type { RestartBackoff } from '../supervision/restart-backoff';
import type { SupervisorEvent } from '../supervision/supervised-process';
import { Supervisor, type SupervisedApp } from '../supervision/supervisor';

export type LauncherEvent =
  | SupervisorEvent
  | { readonly kind: 'log-forwarding'; readonly name: 'launcher'; readonly message: string };

export interface LaunchOptions {
  readonly workspaceRoot: string;
  /** Run each app from its bundle, `<bundlesDir>/<project>/main.js` (see appProcessSpec). */
  readonly bundlesDir?: string;
  /** The apps to run; they start in role order (registry, console, services, gateway). */
  readonly apps: readonly AppDefinition[];
  readonly ports: PortPlan;
  /** Where every app listens (the console: `console.host` when given). */
  readonly host?: string;
  /** The environment under each app's own settings (the user's). */
  readonly env?: Env | ((app: AppDefinition) => Env);
  /** A Consul that already answers: the registry app is then not started. */
  readonly consulAddress?: string;
  /** Settings of the console, when `apps` has one. */
  readonly console?: {
    readonly host?: string;
    readonly token?: string;
    readonly otlpApiKey?: string;
  };
  /** Send every output line to the console's OTLP logs endpoint. */
  readonly forwardLogs?: boolean;
  /** Restart processes that exit unexpectedly, with this backoff; absent: never. */
  readonly autoRestart?: RestartBackoff;
  readonly readyTimeoutMs?: number;
  readonly graceMs?: number;
  readonly onLine?: (name: string, line: string, stream: OutputStream) => void;
  readonly onSpawn?: (name: string, proc: ManagedProcess) => void;
  readonly onEvent?: (event: LauncherEvent) => void;
}

export interface RunningPlatform {
  readonly apps: readonly AppDefinition[];
  readonly ports: PortPlan;
  readonly consulAddress: string;
  readonly gatewayUrl?: string;
  readonly console?: {
    readonly url: string;
    /** The URL to open: it carries the token, exchanged for a cookie on first visit. */
    readonly uiUrl: string;
    readonly otlpUrl: string;
    readonly token: string;
    readonly otlpApiKey?: string;
  };
  /** The control API (JUNCTION_LAUNCHER_URL / _TOKEN of the console). */
  readonly control: { readonly url: string; readonly token: string };
  readonly supervisor: Supervisor;
  readonly logForwarder?: OtlpLogForwarder;
  /** Stops every process (apps first, the registry last) and the control API. */
  stop(): Promise<void>;
}

/**
 * Runs a set of apps as supervised processes: stage by stage, each ready
 * before the next starts; an app that dies later is reported and the rest
 * keep running; one control API to list and restart them.
 */
export async function launch(options: LaunchOptions): Promise<RunningPlatform> {
  const host = options.host ?? '127.0.0.1';
  const { ports } = options;
  const apps = options.apps.filter((app) => !(options.consulAddress && app.role === 'registry'));
  const consoleApp = apps.find((app) => app.role === 'console');
  const consoleEndpoint: ConsoleEndpoint | undefined = consoleApp && {
    host: options.console?.host ?? host,
    port: ports.apps[consoleApp.name],
    otlpPort: ports.consoleOtlp ?? 4318,
    token: options.console?.token ?? newToken(),
    ...(options.console?.otlpApiKey ? { otlpApiKey: options.console.otlpApiKey } : {}),
  };
  const forwarder =
    consoleEndpoint && options.forwardLogs
      ? new OtlpLogForwarder(
          {
            url: consoleOtlpUrl(consoleEndpoint),
            apiKey: consoleEndpoint.otlpApiKey,
            onDeliveryChange: (message) =>
              options.onEvent?.({ kind: 'log-forwarding', name: 'launcher', message }),
          },
          // Lines before the console answers wait for it (the queue is bounded).
          { paused: true },
        )
      : undefined;
  const supervisor = new Supervisor({
    autoRestart: options.autoRestart,
    readyTimeoutMs: options.readyTimeoutMs,
    graceMs: options.graceMs,
    onLine: (name, line, stream) => {
      options.onLine?.(name, line, stream);
      forwarder?.push(name, line, stream);
    },
    onEvent: options.onEvent,
  });
  const controlToken = newToken();
  const control = await startControlServer({ supervisor, token: controlToken });
  const consulAddress =
    options.consulAddress ?? `http://${dialHost(host)}:${ports.apps['registry']}`;
  const ctx = {
    host,
    ports,
    consulAddress,
    console: consoleEndpoint,
    control: { url: control.url, token: controlToken },
    // A fresh one each run unless the user's environment sets its own.
    internalTokenSecret: randomBytes(32).toString('base64url'),
  };
  const baseEnv = (app: AppDefinition) =>
    typeof options.env === 'function' ? options.env(app) : (options.env ?? process.env);

  const stop = async () => {
    // Flushed while the console still runs; after, the lines have nowhere to go.
    await forwarder?.close();
    await supervisor.stopAll();
    await control.close();
  };
  try {
    for (const stage of startStages(apps)) {
      const specs = new Map<string, SupervisedApp>(
        stage.map((app) => [
          app.name,
          {
            spec: appProcessSpec(
              app,
              appEnv(app, ctx, baseEnv(app)),
              options.workspaceRoot,
              options.bundlesDir,
            ),
            ready: readinessProbe(app, { host, ports, consoleHost: consoleEndpoint?.host }),
            onSpawn: (proc: ManagedProcess) => options.onSpawn?.(app.name, proc),
          },
        ]),
      );
      await supervisor.startStage(specs);
      if (stage.some((app) => app.role === 'console')) forwarder?.resume();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const gateway = apps.find((app) => app.role === 'gateway');
  const consoleUrl =
    consoleEndpoint && `http://${dialHost(consoleEndpoint.host)}:${consoleEndpoint.port}`;
  return {
    apps,
    ports,
    consulAddress,
    ...(gateway ? { gatewayUrl: `http://${dialHost(host)}:${ports.apps[gateway.name]}` } : {}),
    ...(consoleEndpoint && consoleUrl
      ? {
          console: {
            url: consoleUrl,
            uiUrl: `${consoleUrl}/?token=${encodeURIComponent(consoleEndpoint.token)}`,
            otlpUrl: consoleOtlpUrl(consoleEndpoint),
            token: consoleEndpoint.token,
            ...(consoleEndpoint.otlpApiKey ? { otlpApiKey: consoleEndpoint.otlpApiKey } : {}),
          },
        }
      : {}),
    control: { url: control.url, token: controlToken },
    supervisor,
    logForwarder: forwarder,
    stop,
  };
}
