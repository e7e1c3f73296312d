// `npm test`: everything CI checks, in one command. Builds (contracts are
// generated first) and bundles the apps, checks lint, formatting, proto lint
// and types, then runs every Jest project (unit tests and the e2e suites
// against real processes) in one run whose results land in
// tmp/jest-results.json.
import { mkdirSync } from 'node:fs';
import { env, installIfNeeded, JEST_NODE_OPTIONS, root, run, runOrExit } from './workspace.mjs';
import path from 'node:path';

installIfNeeded();

const step = (title, command, args, options = {}) => {
  console.log(`\n> ${title}`);
  const code = run(command, args, options);
  if (code !== 0) console.error(`✗ ${title} failed (exit ${code})`);
  return code === 0;
};

// bundle: each app as one file (dist/bundles/<app>), which bundle-e2e runs.
runOrExit('npx', ['nx', 'run-many', '-t', 'build', 'bundle', '--output-style=static']);
const checks = [
  step('workspace dependencies declared', 'node', [
    'tools/scripts/sync-workspace-deps.mjs',
    '--check',
  ]),
  step('eslint', 'npx', ['eslint', '.', '--max-warnings=0']),
  step('prettier --check', 'npx', ['prettier', '--check', '.', '--log-level=warn']),
  step('buf lint', 'npx', ['buf', 'lint']),
  step('buf format', 'npx', ['buf', 'format', '--diff', '--exit-code']),
  step('typecheck (sources and tests)', 'npx', ['tsc', '-p', 'tsconfig.spec.json']),
];

// The tests run real servers (redis-server, prometheus, chromium); installed here when missing.
checks.push(
  step('system packages (redis-server, prometheus, chromium, wrk, postgresql)', 'node', [
    'tools/scripts/system-deps.mjs',
  ]),
);
mkdirSync(path.join(root, 'tmp'), { recursive: true });
const tests = step(
  'jest (unit + e2e)',
  'npx',
  ['jest', '--ci', '--json', '--outputFile=tmp/jest-results.json', ...process.argv.slice(2)],
  { env: { ...env, NODE_OPTIONS: JEST_NODE_OPTIONS } },
);

process.exit(checks.every(Boolean) && tests ? 0 : 1);
