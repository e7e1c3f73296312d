import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the built UI is: CONSOLE_UI_DIR (relative to the working directory),
 * else apps/console-ui/dist found from this file, which sits at the same
 * depth in apps/console/src (tests) and apps/console/dist (the build).
 * Undefined when it holds no index.html: the UI is not built.
 */
export function uiDir(configured: string | undefined): string | undefined {
  const dir = configured
    ? path.resolve(configured)
    : path.resolve(__dirname, '..', '..', '..', 'console-ui', 'dist');
  return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}
