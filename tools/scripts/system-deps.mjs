// System packages the tests need besides Node, each run for real: redis-server
// (the rate limiter's shared store), prometheus and promtool (scraping the
// stack, checking infra/'s config and rules), chromium (the console's browser
// tests, driven by playwright-core), wrk (the load generator of the bench) and
// postgresql (the real server of the persistence suite).
// Installs what is missing from Debian/Ubuntu packages with apt-get, as root
// or through passwordless sudo; says what it does, and stops with a clear
// message when it cannot. Run by `npm test` before Jest; runnable alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** command on PATH -> Debian package that provides it */
const REQUIRED = {
  'redis-server': 'redis-server',
  prometheus: 'prometheus',
  promtool: 'prometheus',
  chromium: 'chromium',
  wrk: 'wrk',
  initdb: 'postgresql',
};

const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

// Debian keeps the PostgreSQL server binaries off PATH, per major version.
const POSTGRES_LIB = '/usr/lib/postgresql';
const hasPostgresBinary = (command) =>
  existsSync(POSTGRES_LIB) &&
  readdirSync(POSTGRES_LIB).some((major) => existsSync(`${POSTGRES_LIB}/${major}/bin/${command}`));

const has = (command) => onPath(command) || (command === 'initdb' && hasPostgresBinary(command));

/** How to run apt-get with root rights here, or why it cannot be done. */
function aptRunner() {
  if (!has('apt-get')) return { reason: 'apt-get is not available (not a Debian/Ubuntu system)' };
  if (process.getuid?.() === 0) return { prefix: [] };
  if (has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) {
    return { prefix: ['sudo', '-n'] };
  }
  return { reason: 'not root, and sudo needs a password (or is missing)' };
}

function apt(runner, args) {
  const [command, ...rest] = [...runner.prefix, 'apt-get', ...args];
  console.log(`> ${[command, ...rest].join(' ')}`);
  return (
    spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

export function ensureSystemDeps() {
  const missing = Object.entries(REQUIRED).filter(([command]) => !has(command));
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  console.log(`system packages missing: ${packages.join(', ')}`);
  const runner = aptRunner();
  if (runner.reason) {
    console.error(
      `✗ cannot install ${packages.join(', ')}: ${runner.reason}.\n` +
        `  Install them yourself (e.g. sudo apt-get install -y ${packages.join(' ')}) and run again.`,
    );
    return false;
  }
  const install = () => apt(runner, ['install', '-y', '--no-install-recommends', ...packages]);
  // A fresh machine or container often has no package lists yet.
  const installed = install() || (apt(runner, ['update']) && install());
  const still = missing.filter(([command]) => !has(command)).map(([command]) => command);
  if (!installed || still.length > 0) {
    console.error(`✗ installing ${packages.join(', ')} failed; still missing: ${still.join(', ')}`);
    return false;
  }
  console.log(`installed ${packages.join(', ')}`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(ensureSystemDeps() ? 0 : 1);
}
