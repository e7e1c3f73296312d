// docs/benchmarks.md's shop-route section from measureShopRoute's figures:
// the table, the ratios the issue asks for, and whether each target is met.
import { LOAD, SETUPS } from './shop-route.mjs';

const SERVICES = ['catalog', 'inventory', 'reviews'];
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const x = (n) => `${fmt(n, 2)}×`;

/** Mean figures of one setup's runs. */
function summarize(runs) {
  const names = Object.keys(runs[0].cpuUs);
  const perProcess = Object.fromEntries(names.map((n) => [n, mean(runs.map((r) => r.cpuUs[n]))]));
  return {
    rps: mean(runs.map((r) => r.rps)),
    rpsRange: [Math.min(...runs.map((r) => r.rps)), Math.max(...runs.map((r) => r.rps))],
    p50: mean(runs.map((r) => r.p50)),
    p99: mean(runs.map((r) => r.p99)),
    serialP50: mean(runs.map((r) => r.serialP50)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    perProcess,
    cpuTotal: Object.values(perProcess).reduce((a, b) => a + b, 0),
    rss: Object.fromEntries(names.map((n) => [n, mean(runs.map((r) => r.rss[n]))])),
  };
}

const cpuCell = (s) =>
  `**${fmt(s.cpuTotal)}** = ${Object.entries(s.perProcess)
    .map(([name, us]) => `${name} ${fmt(us)}`)
    .join(' + ')}`;
const rssCell = (s) =>
  `gateway ${fmt(s.rss.gateway)}, services ${SERVICES.map((n) => fmt(s.rss[n])).join('/')}`;

export function shopRouteReport(runs) {
  const s = Object.fromEntries(SETUPS.map((setup) => [setup.key, summarize(runs[setup.key])]));
  const rounds = runs.junction.length;
  const table = [
    '| setup | req/s (range) | p50 ms | p99 ms | c=1 p50 ms | errors | CPU µs per request (per process) | RSS MiB |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    ...SETUPS.map(({ key, title }) => {
      const r = s[key];
      return `| ${title} | ${fmt(r.rps)} (${fmt(r.rpsRange[0])}–${fmt(r.rpsRange[1])}) | ${fmt(r.p50, 2)} | ${fmt(r.p99, 1)} | ${fmt(r.serialP50, 2)} | ${r.errors} | ${cpuCell(r)} | ${rssCell(r)} |`;
    }),
  ].join('\n');
  const { junction: j, plain, moleculer: mol } = s;
  const serviceRatios = SERVICES.map((n) => [n, j.perProcess[n] / plain.perProcess[n]]);
  const worstService = Math.max(...serviceRatios.map(([, r]) => r));
  const met = (ok) => (ok ? 'met' : '**not met**');
  const targets = [
    `| throughput vs hand-written (must reach ≥ 1.0×) | ${x(j.rps / plain.rps)} | ${met(j.rps >= plain.rps)} |`,
    `| each service's CPU per call vs a plain grpc-js server (must reach ≤ 1.3×) | ${serviceRatios.map(([n, r]) => `${n} ${x(r)}`).join(', ')} | ${met(worstService <= 1.3)} |`,
    `| throughput vs Moleculer (goal ≥ 1.0×) | ${x(j.rps / mol.rps)} | ${met(j.rps >= mol.rps)} |`,
    `| p99 vs Moleculer (goal ≤ 1.0×) | ${x(j.p99 / mol.p99)} | ${met(j.p99 <= mol.p99)} |`,
    `| gateway CPU per request vs hand-written gateway | ${x(j.perProcess.gateway / plain.perProcess.gateway)} | |`,
  ].join('\n');
  return `## The shop route against the platforms users would pick instead

\`wrk -t1 -c${LOAD.connections} -d${LOAD.durationS}s\` on \`GET /api/v1/products/:id\` over random ids 1–1000 (\`bench/wrk/random-products.lua\`;
three parallel upstream calls per request) after a ${LOAD.warmupS} s warm-up, then \`-c1 -d${LOAD.serialS}s\` for the one-connection p50;
${rounds} interleaved rounds, each run on a freshly started stack; figures are means over the rounds. CPU is user + system
time from \`/proc/<pid>/stat\` during the ${LOAD.durationS} s run, divided by the requests answered. \`wrk\` is C, so the load does not
compete for a Node event loop (it does share the cores).

- **Junction** runs as \`npm start\` runs it: dev registry, the four services and the gateway from the launcher, log
  level warn, parent-based 10 % sampling with no exporter, breakers, deadlines, retries with budget, outlier ejection,
  the rate limiter (limit raised so one client never reaches it) and shedding.
- **Hand-written** (\`bench/baselines/plain-grpc/\`): \`node:http\` + \`@grpc/grpc-js\` clients → three plain \`@grpc/grpc-js\`
  servers, clients and servers made from the same \`.proto\` files by \`@grpc/proto-loader\`.
- **Moleculer** (\`bench/baselines/moleculer/\`): moleculer 0.14 + moleculer-web 0.10 (0.15 needs Node 22), one node per
  service and one for the gateway, TCP transporter with a static node list, tracing on (10 % sampled, no exporter),
  circuit breaker and a 2 s request timeout. Moleculer is a devDependency of \`bench/\` only.

Both baselines serve a fixture captured from Junction's own answers at the start of the run
(\`bench/fixture/shop-fixture.mjs\`), so all three answer byte-identical JSON; neither runs any Junction code.

${table}

| target | Junction | |
|---|---|---|
${targets}

Where Junction's CPU still goes, from profiles (\`node bench/profile.mjs <app>\`): [docs/profile.md](profile.md).
`;
}
