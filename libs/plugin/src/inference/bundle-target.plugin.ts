import { createNodesFromFiles, type CreateNodes, type TargetConfiguration } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The script that bundles apps: one for all of them (tools/scripts/bundle-apps.mjs). */
export const BUNDLE_SCRIPT = 'tools/scripts/bundle-apps.mjs';

interface ProjectFile {
  readonly name?: string;
  readonly tags?: readonly string[];
}

/**
 * The `bundle` target of an app: `type:app` with a server main
 * (src/main.ts; the console UI is `type:ui`, its files are the console's). Inferred rather than written into each project.json, so
 * every app, a generated service too, has the same one and a change to it is
 * made once. Its dependsOn, inputs, outputs and caching are in nx.json's
 * targetDefaults.
 */
export function bundleTarget(
  projectFile: ProjectFile,
  hasServerMain: boolean,
): TargetConfiguration | undefined {
  if (!projectFile.name || !projectFile.tags?.includes('type:app') || !hasServerMain) {
    return undefined;
  }
  return {
    executor: 'nx:run-commands',
    options: { command: `node ${BUNDLE_SCRIPT} ${projectFile.name}` },
  };
}

export const createNodes: CreateNodes = [
  'apps/*/project.json',
  (files, options, context) =>
    createNodesFromFiles(
      (file, _options, ctx) => {
        const projectRoot = path.dirname(file);
        const projectFile = JSON.parse(
          readFileSync(path.join(ctx.workspaceRoot, file), 'utf8'),
        ) as ProjectFile;
        const hasServerMain = existsSync(
          path.join(ctx.workspaceRoot, projectRoot, 'src', 'main.ts'),
        );
        const bundle = bundleTarget(projectFile, hasServerMain);
        return bundle ? { projects: { [projectRoot]: { targets: { bundle } } } } : {};
      },
      files,
      options,
      context,
    ),
];
