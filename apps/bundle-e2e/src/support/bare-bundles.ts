import { WORKSPACE_ROOT } from '@junction/testing';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BUNDLES_DIR = path.join(WORKSPACE_ROOT, 'dist', 'bundles');

export interface BareBundles {
  /** A folder holding `<project>/main.js` for each copied bundle, and nothing of the workspace. */
  readonly dir: string;
  remove(): void;
}

/** The node_modules folders Node would search from `dir` (its own and every ancestor's). */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'node_modules'))) found.push(path.join(at, 'node_modules'));
    if (path.dirname(at) === at) return found;
  }
}

/**
 * Copies dist/bundles/<project> of each project into a fresh temp folder,
 * refusing one where Node could find a node_modules: a bundle that still
 * required a package would then pass by accident.
 */
export function copyBundles(projects: readonly string[]): BareBundles {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'junction-bundles-')));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const reachable = nodeModulesAbove(dir);
    if (reachable.length > 0) {
      throw new Error(`${dir} is not bare: Node would search ${reachable.join(', ')}`);
    }
    for (const project of projects) {
      const bundle = path.join(BUNDLES_DIR, project);
      if (!existsSync(path.join(bundle, 'main.js'))) {
        throw new Error(
          `${path.relative(WORKSPACE_ROOT, bundle)}/main.js is missing: run npx nx run-many -t bundle`,
        );
      }
      cpSync(bundle, path.join(dir, project), { recursive: true });
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
