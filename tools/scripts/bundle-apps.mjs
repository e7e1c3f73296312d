// Bundles each app into one JavaScript file plus the files it reads at run
// time, in dist/bundles/<project>/, runnable with plain `node main.js` from a
// folder with no node_modules (one artifact to ship).
//
//   node tools/scripts/bundle-apps.mjs [project …]        the apps (none: every app), in parallel
//   node tools/scripts/bundle-apps.mjs --entry <file.js> --out <dir>   one entry (the e2e probes)
//
// It bundles tsc's CommonJS output (apps/<x>/dist), not the TypeScript:
// esbuild cannot emit Nest's decorator metadata, tsc already did. Workspace
// libraries resolve to their built dist/ too (the "@junction/source"
// condition is never set here), which the build checks below.
import * as esbuild from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './workspace.mjs';

const require = createRequire(import.meta.url);

/**
 * Files an app reads from its own build at run time, copied beside its
 * main.js: the console serves the console UI's built assets from ui/
 * (apps/console/src/ui/ui-dir.ts looks there first).
 */
const APP_ASSETS = {
  console: [{ from: 'apps/console-ui/dist', to: 'ui' }],
};

/**
 * Packages that read files beside their own modules (found from __dirname,
 * __filename or import.meta.url): PGlite its wasm, data and extension
 * tarballs, swagger-ui-dist the /docs page's assets. In a bundle those point
 * at main.js, so each module of such a package is given the path it would
 * have under packages/<name>/ instead, and the package's files are copied
 * there with their layout kept (PGlite's extensions look one folder up).
 */
const PACKAGES_WITH_FILES = [
  {
    name: '@electric-sql/pglite',
    copies: (file) => /^dist\/[^/]+\.(wasm|data|tar\.gz)$/.test(file),
  },
  {
    name: 'swagger-ui-dist',
    copies: (file) => /\.(js|css|html|png)$/.test(file) && !file.includes('es-bundle'),
  },
];

const BUNDLE_PACKAGES_DIR = 'packages';
/**
 * Helpers at the top of each bundle, where `require` is Node's: PGlite's
 * emscripten code declares a `require` of its own in the functions that
 * locate its files, so the paths given to it must not call `require`.
 */
const PATH_IN_BUNDLE = '__junctionBundlePath';
const URL_IN_BUNDLE = '__junctionBundleUrl';
const BUNDLE_HELPERS = [
  `const ${PATH_IN_BUNDLE} = (file) => require("node:path").join(__dirname, file);`,
  `const ${URL_IN_BUNDLE} = (file) => require("node:url").pathToFileURL(${PATH_IN_BUNDLE}(file)).href;`,
].join('\n');
const nodeModules = `${path.sep}node_modules${path.sep}`;

/** The package (name, folder, path inside it) a module file belongs to. */
function packageOf(file) {
  const at = file.lastIndexOf(nodeModules);
  if (at < 0) return undefined;
  const parts = file.slice(at + nodeModules.length).split(path.sep);
  const length = parts[0].startsWith('@') ? 2 : 1;
  const name = parts.slice(0, length).join('/');
  return {
    name,
    dir: file.slice(0, at + nodeModules.length) + parts.slice(0, length).join(path.sep),
    inner: parts.slice(length).join('/'),
  };
}

/**
 * Nest and others require optional packages inside try/catch
 * (@nestjs/websockets, kafkajs, @fastify/view …). Those not installed stay
 * run-time requires that fail, and are caught, as they do unbundled;
 * everything installed is bundled. They are the optional and peer
 * dependencies no package of node_modules has installed, plus whatever else
 * a package of node_modules imports that does not resolve (the build's
 * resolve errors, then built again): an app's own missing import still
 * fails. Not a resolve hook: that runs in this process for every import and
 * makes a bundle ten times slower.
 */
function uninstalledOptionalPackages() {
  const modules = path.join(root, 'node_modules');
  const installed = (name) => existsSync(path.join(modules, name, 'package.json'));
  const names = readdirSync(modules).flatMap((entry) =>
    entry.startsWith('@')
      ? readdirSync(path.join(modules, entry)).map((scoped) => `${entry}/${scoped}`)
      : [entry],
  );
  const missing = new Set();
  for (const name of names.filter(installed)) {
    const manifest = JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8'));
    for (const field of ['optionalDependencies', 'peerDependencies', 'peerDependenciesMeta']) {
      for (const dependency of Object.keys(manifest[field] ?? {})) {
        if (!installed(dependency)) missing.add(dependency);
      }
    }
  }
  return [...missing];
}

function unresolvedInNodeModules(failure) {
  const missing = new Set();
  for (const error of failure.errors ?? []) {
    const specifier = /^Could not resolve "([^"]+)"$/.exec(error.text)?.[1];
    if (!specifier || !error.location?.file.includes('node_modules/')) throw failure;
    missing.add(specifier);
  }
  if (missing.size === 0) throw failure;
  return [...missing];
}

/** What a bundle leaves to run-time requires, builtins aside. */
function leftOutOf(metafile) {
  const left = new Set();
  for (const input of Object.values(metafile.inputs)) {
    for (const { path: specifier, external } of input.imports) {
      // <runtime> is esbuild's own helpers.
      if (external && !isBuiltin(specifier) && specifier !== '<runtime>') left.add(specifier);
    }
  }
  return [...left].sort();
}

/** Gives the modules of PACKAGES_WITH_FILES the paths they have under packages/ in the bundle. */
function packageFilePaths() {
  const names = new Set(PACKAGES_WITH_FILES.map((entry) => entry.name));
  // Narrow, so only those packages' modules pass through this process.
  const alternatives = [...names].map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const packageFilter = new RegExp(
    `node_modules[\\\\/](${alternatives.join('|')})[\\\\/].*\\.[cm]?js$`,
  );
  return {
    name: 'package-file-paths',
    setup(build) {
      build.onLoad({ filter: packageFilter }, async (args) => {
        const pkg = packageOf(args.path);
        if (!pkg || !names.has(pkg.name)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const inBundle = path.posix.join(BUNDLE_PACKAGES_DIR, pkg.name, pkg.inner);
        const file = `${PATH_IN_BUNDLE}(${JSON.stringify(inBundle)})`;
        const dir = `${PATH_IN_BUNDLE}(${JSON.stringify(path.posix.dirname(inBundle))})`;
        const url = `${URL_IN_BUNDLE}(${JSON.stringify(inBundle)})`;
        const contents = source.replace(
          /\b__filename\b|\b__dirname\b|\bimport\.meta\.url\b/g,
          (found) => (found === '__filename' ? file : found === '__dirname' ? dir : url),
        );
        return { contents, loader: 'js' };
      });
    },
  };
}

/** Copies the files of each bundled package of PACKAGES_WITH_FILES into the bundle. */
function copyPackageFiles(metafile, outDir) {
  const bundled = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = packageOf(path.resolve(root, input));
    if (pkg) bundled.set(pkg.name, pkg.dir);
  }
  for (const { name, copies } of PACKAGES_WITH_FILES) {
    const dir = bundled.get(name);
    if (!dir) continue;
    const walk = (inner) => {
      for (const entry of readdirSync(path.join(dir, inner), { withFileTypes: true })) {
        const file = inner ? `${inner}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(file);
        else if (copies(file)) {
          const target = path.join(outDir, BUNDLE_PACKAGES_DIR, name, file);
          mkdirSync(path.dirname(target), { recursive: true });
          cpSync(path.join(dir, file), target);
        }
      }
    };
    walk('');
  }
}

/** Bytes under a folder. */
function sizeOf(target) {
  if (!statSync(target).isDirectory()) return statSync(target).size;
  return readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * One bundle: `requires` in order (the telemetry preload first where the
 * launcher preloads it, so the SDK is up before any app module loads), then
 * the files it reads at run time.
 */
async function bundle({ name, requires, outDir, assets = [] }, optional) {
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  const options = {
    stdin: {
      contents: requires.map((file) => `require(${JSON.stringify(file)});`).join('\n'),
      resolveDir: root,
      sourcefile: `${name}.entry.js`,
      loader: 'js',
    },
    outfile: path.join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Nest, Swagger and pino log and key things by class and function names.
    // Unminified with names kept, stack traces read without a source map
    // (none is written: it would more than double the bundling time).
    keepNames: true,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
    // No tsconfig: its customConditions would pick the libraries' TS sources.
    tsconfigRaw: '{}',
    external: optional,
    banner: { js: BUNDLE_HELPERS },
    plugins: [packageFilePaths()],
  };
  const result = await esbuild.build(options).catch((failure) =>
    esbuild.build({
      ...options,
      external: [...optional, ...unresolvedInNodeModules(failure)],
      logLevel: 'error',
    }),
  );
  const leftOut = leftOutOf(result.metafile);
  const sources = Object.keys(result.metafile.inputs).filter((input) => /\.[cm]?ts$/.test(input));
  if (sources.length > 0) {
    throw new Error(
      `${name}: bundled TypeScript sources instead of built JS: ${sources.join(', ')}`,
    );
  }
  copyPackageFiles(result.metafile, outDir);
  for (const { from, to } of assets) {
    const source = path.join(root, from);
    if (!existsSync(source)) throw new Error(`${name}: ${from} is not built`);
    cpSync(source, path.join(outDir, to), { recursive: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const main = megabytes(sizeOf(path.join(outDir, 'main.js')));
  const line =
    `${name}: ${path.relative(root, outDir)} (main.js ${main}, folder ${megabytes(sizeOf(outDir))}) in ${seconds} s` +
    (leftOut.length ? `; not installed, left as run-time requires: ${leftOut.join(', ')}` : '');
  console.log(line);
}

/** The apps `npm start` runs (launcher's app set) as bundle requests. */
function appBundles(projects) {
  // The built launcher (its dist/, as the package resolves without the source condition).
  const { discoverApps, isInstrumented } = require('@junction/launcher');
  const apps = discoverApps(root);
  const unknown = projects.filter((project) => !apps.some((app) => app.project === project));
  if (unknown.length > 0) throw new Error(`not an app with a role:* tag: ${unknown.join(', ')}`);
  return apps
    .filter((app) => projects.length === 0 || projects.includes(app.project))
    .map((app) => ({
      name: app.project,
      requires: [
        ...(isInstrumented(app) ? ['@junction/telemetry/preload'] : []),
        `./${app.main.split(path.sep).join('/')}`,
      ],
      outDir: path.join(root, 'dist', 'bundles', app.project),
      assets: APP_ASSETS[app.project] ?? [],
    }));
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { entry: { type: 'string' }, out: { type: 'string' } },
});
const requests =
  values.entry && values.out
    ? [
        {
          name: path.basename(values.entry),
          requires: [path.resolve(values.entry)],
          outDir: path.resolve(values.out),
        },
      ]
    : appBundles(positionals);
const started = performance.now();
const optional = uninstalledOptionalPackages();
await Promise.all(requests.map((request) => bundle(request, optional)));
if (requests.length > 1) {
  console.log(
    `${requests.length} bundles in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}
