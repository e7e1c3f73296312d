import path from 'node:path';
import type { Env } from '../apps/app-env';
import { discoverApps } from '../apps/app-set';
import { newToken } from '../control/bearer-token';
import { planPorts } from '../ports/port-plan';
import type { OutputStream } from '../process/managed-process';
import { httpOk } from '../readiness/probes';
import { DEFAULT_RESTART_BACKOFF } from '../supervision/restart-backoff';
import { awaitApiKeyAccepted, devApiKey } from './dev-api-key';
import { readDevSettings } from './dev-settings';
import { launch, type LauncherEvent, type RunningPlatform } from './launch';

export interface DevPlatformOptions {
  readonly workspaceRoot: string;
  /** The environment `npm start` runs in: settings are read from it and it is every app's base. */
  readonly env: Env;
  readonly onLine?: (name: string, line: string, stream: OutputStream) => void;
  readonly onEvent?: (event: LauncherEvent) => void;
}

export interface DevPlatform extends RunningPlatform {
  /** True when a Consul already answered at CONSUL_HTTP_ADDR (no dev registry started). */
  readonly externalConsul: boolean;
  /**
   * An API key for the developer (scopes DEV_API_KEY_SCOPES), accepted by the
   * gateway by the time this resolves. Only with the dev registry: in a
   * Consul of its own a team creates keys with `npm run junction -- api-key`.
   */
  readonly devApiKey?: string;
}

/** Where `npm start` keeps the developer's key between runs (git-ignored). */
const DEV_API_KEY_FILE = '.data/dev-api-key.json';

/**
 * What `npm start` runs: every app of the workspace with a `role:*` tag, on
 * the documented ports (or `<NAME>_PORT`), the console receiving every
 * process's traces and log lines, supervised until stop().
 */
export async function startDevPlatform(options: DevPlatformOptions): Promise<DevPlatform> {
  const settings = readDevSettings(options.env);
  const externalConsul = await httpOk(`${settings.consulAddress}/v1/status/leader`);
  const apps = discoverApps(options.workspaceRoot).filter(
    (app) => !(externalConsul && app.role === 'registry'),
  );
  const ports = await planPorts(apps, options.env, { registryPort: settings.registryPort });
  const otlpApiKey = settings.otlpApiKey ?? (settings.consoleExposed ? newToken() : undefined);
  const platform = await launch({
    workspaceRoot: options.workspaceRoot,
    apps,
    ports,
    env: options.env,
    ...(externalConsul ? { consulAddress: settings.consulAddress } : {}),
    console: {
      host: settings.consoleHost,
      ...(settings.consoleToken ? { token: settings.consoleToken } : {}),
      ...(otlpApiKey ? { otlpApiKey } : {}),
    },
    forwardLogs: true,
    ...(settings.autoRestart ? { autoRestart: DEFAULT_RESTART_BACKOFF } : {}),
    onLine: options.onLine,
    onEvent: options.onEvent,
  });
  if (externalConsul || !platform.gatewayUrl) return { ...platform, externalConsul };
  try {
    const key = await devApiKey(
      platform.consulAddress,
      path.join(options.workspaceRoot, DEV_API_KEY_FILE),
    );
    await awaitApiKeyAccepted(platform.gatewayUrl, key);
    return { ...platform, externalConsul, devApiKey: key };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
