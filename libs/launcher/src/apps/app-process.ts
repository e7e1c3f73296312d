import path from 'node:path';
import type { ProcessSpec } from '../process/managed-process';
import type { Env } from './app-env';
import { isInstrumented, type AppDefinition } from './app-set';

/**
 * How an app runs: `node [--require @junction/telemetry/preload] <main>`
 * from the workspace root (telemetry is preloaded into the services and the
 * gateway; the registry and the console do not trace themselves). With
 * `bundlesDir` (a folder of `<project>/main.js` bundles, as
 * tools/scripts/bundle-apps.mjs writes to dist/bundles), plain
 * `node <project>/main.js` from that folder: a bundle starts its own
 * telemetry first and needs nothing of the workspace.
 */
export function appProcessSpec(
  app: AppDefinition,
  env: Env,
  workspaceRoot: string,
  bundlesDir?: string,
): ProcessSpec {
  if (bundlesDir !== undefined) {
    return {
      name: app.name,
      command: process.execPath,
      args: [path.join(bundlesDir, app.project, 'main.js')],
      cwd: bundlesDir,
      env,
    };
  }
  return {
    name: app.name,
    command: process.execPath,
    args: [...(isInstrumented(app) ? ['--require', '@junction/telemetry/preload'] : []), app.main],
    cwd: workspaceRoot,
    env,
  };
}
