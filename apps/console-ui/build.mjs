// Bundles the console UI into dist/ (index.html, app.js, app.css with uPlot's
// styles, favicon.svg), which apps/console serves at `/`. Type errors are
// tsc's job (the build target runs it first); esbuild only transpiles.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, 'src');
const dist = path.join(here, 'dist');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: { app: path.join(src, 'main.tsx') },
  outdir: dist,
  bundle: true,
  format: 'esm',
  target: ['es2022', 'chrome111', 'firefox113', 'safari16'],
  platform: 'browser',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  conditions: ['@junction/source'],
  tsconfig: path.join(here, 'tsconfig.app.json'),
  logLevel: 'warning',
});
await Promise.all(
  ['index.html', 'favicon.svg'].map((file) =>
    copyFile(path.join(src, file), path.join(dist, file)),
  ),
);
