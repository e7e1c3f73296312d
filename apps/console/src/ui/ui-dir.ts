import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the built UI is: CONSOLE_UI_DIR (relative to the working directory),
 * else ui/ beside this file when it is the console's bundle
 * (dist/bundles/console/main.js, which carries the UI's files there), else
 * apps/console-ui/dist found from this file, which sits at the same depth in
 * apps/console/src (tests) and apps/console/dist (the build). Undefined when
 * none holds an index.html: the UI is not built.
 */
export function uiDir(configured: string | undefined): string | undefined {
  const candidates = configured
    ? [path.resolve(configured)]
    : [path.join(__dirname, 'ui'), path.resolve(__dirname, '..', '..', '..', 'console-ui', 'dist')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}
