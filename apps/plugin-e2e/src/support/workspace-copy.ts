import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** CI forces colours on; the assertions read plain text. */
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const plain = (text: string) => text.replace(ANSI_ESCAPE, '');

/**
 * Not copied: installed packages (linked instead), git, caches, test output,
 * and the root dist/ (the apps' bundles, which the generators never read).
 */
const SKIPPED = new Set(['node_modules', '.git', '.nx', 'tmp', 'dist']);

export interface WorkspaceCopy {
  readonly root: string;
  /** Runs a command in the copy; rejects with its output when it exits non-zero. */
  exec(command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }>;
  remove(): void;
}

/**
 * The workspace as a user has it after `npm install` and a build: sources,
 * built dist/ folders (timestamps kept, so tsc -b rebuilds only what a
 * generator changed) and node_modules, whose packages are linked from the
 * original; the workspace's own @junction/* links point into the copy.
 */
export function copyWorkspace(source: string, target: string): WorkspaceCopy {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source)) {
    if (SKIPPED.has(entry)) continue;
    cpSync(path.join(source, entry), path.join(target, entry), {
      recursive: true,
      preserveTimestamps: true,
      verbatimSymlinks: true,
      filter: (file) => path.basename(file) !== 'node_modules',
    });
  }
  const modules = path.join(target, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(source, 'node_modules'))) {
    if (entry === '@junction') continue;
    symlinkSync(path.join(source, 'node_modules', entry), path.join(modules, entry));
  }
  // The same relative links npm made (../../libs/config …), now resolving in the copy.
  cpSync(path.join(source, 'node_modules', '@junction'), path.join(modules, '@junction'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  return {
    root: target,
    exec: async (command, args) => {
      const result = await run(command, [...args], {
        cwd: target,
        env: {
          ...process.env,
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
          NX_TUI: 'false',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: Error & { stdout?: string; stderr?: string }) => {
        error.stdout = plain(error.stdout ?? '');
        error.stderr = plain(error.stderr ?? '');
        throw error;
      });
      return { stdout: plain(result.stdout), stderr: plain(result.stderr) };
    },
    remove: () => rmSync(target, { recursive: true, force: true }),
  };
}
