// `npm run bench`: Junction against baselines that share none of its parts,
// measured in one run on this machine, written to docs/benchmarks.md. A
// benchmark, not a test: about 15 minutes on two cores.
//   npm run bench                      everything
//   npm run bench -- --only=shop       one section (shop | breaker | auth | soak | console);
//                                      the others are kept from the file
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installIfNeeded, root, runOrExit } from '../tools/scripts/workspace.mjs';
import { measureAuthRoute } from './auth-route.mjs';
import { measureVerification } from './auth-verification.mjs';
import { authReport } from './auth.report.mjs';
import { measureConsole } from './console.mjs';
import { captureShopFixture } from './fixture/shop-fixture.mjs';
import { startJunction } from './setups.mjs';
import { shopRouteReport } from './shop-route.report.mjs';
import { measureShopRoute } from './shop-route.mjs';
import { measureSoak, soakReport } from './soak.mjs';

const ROUNDS = 2;
const BENCHMARKS = path.join(root, 'docs', 'benchmarks.md');
const FIXTURE = path.join(root, 'tmp', 'bench', 'shop-fixture.json');

/** Each section: its heading in the file, and how it is measured. */
const SECTIONS = {
  shop: {
    heading: '## The shop route',
    measure: async () => {
      // The baselines serve what Junction answers: captured from a fresh stack.
      const junction = await startJunction();
      try {
        await captureShopFixture(junction.url, FIXTURE);
      } finally {
        await junction.stop();
      }
      return shopRouteReport(await measureShopRoute(FIXTURE, ROUNDS));
    },
  },
  breaker: {
    heading: '## Open circuit breaker',
    measure: async () => {
      const { openBreakerResult: r } = await import('./open-breaker.mjs');
      return `## Open circuit breaker

\`bench/open-breaker.mjs\`, in-process, the whole client chain, 200k calls: a call the open breaker refuses costs
${r.open.toFixed(1)} µs, against ${r.healthy.toFixed(1)} µs for a call the same chain passes to an upstream that answers at once
(${(r.open / r.healthy).toFixed(2)}×).
`;
    },
  },
  auth: {
    heading: '## Authentication',
    measure: async () => authReport(await measureVerification(), await measureAuthRoute()),
  },
  soak: { heading: '## Soak', measure: async () => soakReport(await measureSoak()) },
  console: { heading: '## The console', measure: measureConsole },
};

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (only && !SECTIONS[only]) {
  console.error(`--only=${only}: expected one of ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

installIfNeeded();
runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);
runOrExit('node', ['tools/scripts/system-deps.mjs']);

/** The file's sections by key, as last written. */
function currentSections() {
  const text = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '';
  const parts = text.split(/^(?=## )/m).slice(1);
  return Object.fromEntries(
    Object.entries(SECTIONS).map(([key, { heading }]) => [
      key,
      parts.find((part) => part.startsWith(heading))?.trimEnd(),
    ]),
  );
}

const sections = currentSections();
// The in-process breaker first, on a quiet machine; the console last.
for (const [key, section] of Object.entries(SECTIONS)) {
  if (only && key !== only) continue;
  console.log(`\n== ${key}`);
  sections[key] = (await section.measure()).trimEnd();
}

const cpu = os.cpus();
const header = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.mjs\`; one section: \`npm run bench -- --only=shop|breaker|auth|soak|console\`).
Every ratio compares figures measured in the same run on the same machine, so ratios carry across machines where the
absolute numbers do not. Load comes from \`wrk\` (Debian package, installed by \`tools/scripts/system-deps.mjs\`).

Last written ${new Date().toISOString()} (measured then: ${only ?? Object.keys(SECTIONS).join(', ')}) on ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`;
const body = Object.keys(SECTIONS)
  .map((key) => sections[key])
  .filter(Boolean);
writeFileSync(BENCHMARKS, `${[header, ...body].join('\n\n')}\n`);
console.log('\nwritten to docs/benchmarks.md');
