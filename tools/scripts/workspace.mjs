// Shared by the start and test scripts: install when needed, run commands,
// with Nx's daemon, cloud and analytics off.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  SCARF_ANALYTICS: 'false',
};

/**
 * Node flags for Jest: PGlite (the embedded Postgres) loads Node's built-ins
 * with import(), which Jest's module sandbox allows only in its VM-modules
 * mode. The apps never need it; under Jest they inherit it harmlessly.
 */
export const JEST_NODE_OPTIONS = [
  process.env.NODE_OPTIONS,
  '--experimental-vm-modules',
  '--disable-warning=ExperimentalWarning',
]
  .filter(Boolean)
  .join(' ');

/** Runs a command in the workspace, inheriting output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

export function runOrExit(command, args) {
  const code = run(command, args);
  if (code !== 0) process.exit(code);
}

/** `npm install` when node_modules is missing or older than the lockfile. */
export function installIfNeeded() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('> npm install');
  runOrExit('npm', ['install', '--no-audit', '--no-fund']);
}
