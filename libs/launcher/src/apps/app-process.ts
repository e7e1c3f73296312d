import type { ProcessSpec } from '../process/managed-process';
import type { Env } from './app-env';
import { isInstrumented, type AppDefinition } from './app-set';

/**
 * How an app runs: `node [--require @junction/telemetry/preload] <main>`
 * from the workspace root (telemetry is preloaded into the services and the
 * gateway; the registry and the console do not trace themselves).
 */
export function appProcessSpec(app: AppDefinition, env: Env, workspaceRoot: string): ProcessSpec {
  return {
    name: app.name,
    command: process.execPath,
    args: [...(isInstrumented(app) ? ['--require', '@junction/telemetry/preload'] : []), app.main],
    cwd: workspaceRoot,
    env,
  };
}
