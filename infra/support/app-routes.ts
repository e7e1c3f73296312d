import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from './workspace-apps';

// Nest's route metadata key (@nestjs/common's PATH_METADATA).
const PATH_METADATA = 'path';

/**
 * The HTTP paths an app's health controller answers
 * (apps/<project>/src/health/health.controller.ts), read from the routes
 * Nest registers for it: what an HTTP probe may call. Empty when it has none.
 */
export async function healthPaths(project: string): Promise<string[]> {
  const file = path.join(WORKSPACE_ROOT, 'apps', project, 'src', 'health', 'health.controller.ts');
  if (!existsSync(file)) return [];
  const module = (await import(file)) as Record<string, unknown>;
  const paths: string[] = [];
  for (const exported of Object.values(module)) {
    if (typeof exported !== 'function') continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, exported) ?? '/');
    const prototype = exported.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const route = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (route !== undefined) paths.push(path.posix.join('/', prefix, route));
    }
  }
  return paths;
}
