// Declares each project's imports of workspace libraries as dependencies in
// its package.json (Nx builds its project graph, and so the order of ^build,
// from them) and as TypeScript project references (tsc -b builds those first). Run after adding an import of another @junction/* library;
// `npm test` checks they are in sync.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, run } from './workspace.mjs';

const check = process.argv.includes('--check');
const skipDirs = new Set(['node_modules', 'dist', 'generated', 'testing']);
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? skipDirs.has(entry.name)
        ? []
        : walk(path.join(dir, entry.name))
      : [path.join(dir, entry.name)],
  );
// Test-only code (specs, fixtures, src/testing/) may import test libraries
// without making them production dependencies.
const isProduction = (file) => file.endsWith('.ts') && !/\.(spec|fixture)\.ts$/.test(file);

let stale = [];
const written = [];
const write = (file, json) => {
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  written.push(file);
};
for (const group of ['apps', 'libs']) {
  for (const name of readdirSync(path.join(root, group))) {
    const src = path.join(root, group, name, 'src');
    const pkgFile = path.join(root, group, name, 'package.json');
    if (!existsSync(src)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const deps = new Set();
    for (const file of walk(src).filter(isProduction)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(@junction\/[a-z0-9-]+)/g)) {
        if (match[1] !== pkg.name) deps.add(match[1]);
      }
    }
    const wanted = deps.size
      ? Object.fromEntries([...deps].sort().map((d) => [d, '*']))
      : undefined;
    // tsc -b builds a project's references first: each dependency must be one.
    const tsconfigFile = ['tsconfig.lib.json', 'tsconfig.app.json']
      .map((file) => path.join(root, group, name, file))
      .find((file) => existsSync(file));
    if (tsconfigFile) {
      const tsconfig = JSON.parse(readFileSync(tsconfigFile, 'utf8'));
      const references = tsconfig.references ?? [];
      const missing = [...deps]
        .sort()
        .map((dep) => ({ path: `../../libs/${dep.slice('@junction/'.length)}/tsconfig.lib.json` }))
        .filter((ref) => !references.some((r) => r.path === ref.path));
      if (missing.length) {
        stale.push(`${pkg.name} (tsconfig references)`);
        tsconfig.references = [...references, ...missing];
        if (!check) write(tsconfigFile, tsconfig);
      }
    }
    if (JSON.stringify(wanted) === JSON.stringify(pkg.dependencies)) continue;
    stale.push(pkg.name);
    if (wanted) pkg.dependencies = wanted;
    else delete pkg.dependencies;
    if (!check) write(pkgFile, pkg);
  }
}
if (check && stale.length) {
  console.error(
    `workspace dependencies out of date in ${stale.join(', ')}: run node tools/scripts/sync-workspace-deps.mjs`,
  );
  process.exit(1);
}
if (!check)
  console.log(stale.length ? `updated ${stale.join(', ')}` : 'workspace dependencies in sync');
// In the layout the formatter (checked in CI) wants.
if (written.length) run('npx', ['prettier', '--write', '--log-level=warn', ...written]);
