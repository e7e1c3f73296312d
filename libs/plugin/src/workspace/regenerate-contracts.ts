import { execFileSync } from 'node:child_process';
import type { GeneratorCallback } from '@nx/devkit';

/**
 * Runs after the files are written (never on --dry-run): buf regenerates
 * libs/contracts/src/generated from proto/, so the new types exist before
 * anything is built or typechecked.
 */
export const regenerateContracts =
  (workspaceRoot: string): GeneratorCallback =>
  () => {
    execFileSync('npx', ['buf', 'generate'], { cwd: workspaceRoot, stdio: 'inherit' });
  };
