// The console's costs, measured as `npm start` runs it: the shop route's
// throughput when the console receives every span (against the default: 10 %
// sampled, nothing exported), and the console's memory under a burst of
// 1,000 traces/s for a minute. Returns a Markdown section for docs/benchmarks.md.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';
import { cpuSeconds, rssMiB } from './proc-stats.mjs';
import { JUNCTION_ENV } from './setups.mjs';
import { wrk } from './wrk.mjs';

const require = createRequire(path.join(root, 'package.json'));
const { startShop } = require('@junction/testing');

const PORTS = {
  registry: 28510,
  gateway: 28090,
  catalog: 22061,
  inventory: 22062,
  reviews: 22063,
  orders: 22064,
};
const CONSOLE = { port: 28091, otlpPort: 28318 };
const ROUTE_S = 10;
const ROUNDS = 3;
const BURST_S = 60;
const BURST_TRACES_PER_S = 1000;
// Ten traces per request, from two connections: an SDK exports in batches.
const TRACES_PER_REQUEST = 10;
const BURST_CONNECTIONS = 2;
const products = path.join(root, 'bench', 'wrk', 'random-products.lua');
const traces = path.join(root, 'bench', 'wrk', 'otlp-traces.lua');

const cpuOf = (shop) =>
  Object.fromEntries([...shop.processes].map(([name, proc]) => [name, cpuSeconds(proc.pid)]));

async function routeRun(title, withConsole) {
  const shop = await startShop({
    ports: PORTS,
    env: JUNCTION_ENV,
    ...(withConsole ? { console: CONSOLE, forwardLogs: true } : {}),
  });
  try {
    await wrk(shop.gatewayUrl, { script: products, durationS: 3 });
    const before = cpuOf(shop);
    console.log(`${title}…`);
    const result = await wrk(shop.gatewayUrl, { script: products, durationS: ROUTE_S });
    const after = cpuOf(shop);
    const perRequestUs = Object.fromEntries(
      Object.keys(after).map((name) => [
        name,
        ((after[name] - before[name]) * 1e6) / Math.max(1, result.requests),
      ]),
    );
    const rss = Object.fromEntries([...shop.processes].map(([n, p]) => [n, rssMiB(p.pid)]));
    return { title, ...result, perRequestUs, rss };
  } finally {
    await shop.stop();
  }
}

const traceEnv = (delayMs) => ({
  OTLP_DELAY_MS: String(delayMs),
  OTLP_TRACES_PER_REQUEST: String(TRACES_PER_REQUEST),
});

/**
 * The per-connection delay that makes the burst's rate: wrk waits `delay`
 * after each answer, so a request takes delay + latency. A 5 s run at the
 * nominal delay measures the latency; the delay is cut by it.
 */
async function pacingFor(otlpUrl) {
  const periodMs = (BURST_CONNECTIONS * TRACES_PER_REQUEST * 1000) / BURST_TRACES_PER_S;
  const probe = await wrk(otlpUrl, {
    script: traces,
    connections: BURST_CONNECTIONS,
    durationS: 5,
    env: traceEnv(periodMs),
  });
  const latencyMs = (BURST_CONNECTIONS * 1000) / probe.rps - periodMs;
  return Math.max(0, Math.round((periodMs - latencyMs) * 100) / 100);
}

async function burst() {
  const shop = await startShop({ ports: PORTS, env: JUNCTION_ENV, console: CONSOLE });
  const consoleProc = shop.processes.get('console');
  const { url, otlpUrl, token } = shop.platform.console;
  const samples = [];
  const timer = setInterval(() => samples.push(rssMiB(consoleProc.pid)), 1000);
  try {
    const delayMs = await pacingFor(otlpUrl);
    const cpuBefore = cpuSeconds(consoleProc.pid);
    console.log(`console: ${BURST_TRACES_PER_S} traces/s for ${BURST_S} s…`);
    const result = await wrk(otlpUrl, {
      script: traces,
      connections: BURST_CONNECTIONS,
      durationS: BURST_S,
      env: traceEnv(delayMs),
    });
    const cpu = cpuSeconds(consoleProc.pid) - cpuBefore;
    const list = await fetch(`${url}/api/traces?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((res) => res.json());
    return {
      ...result,
      tracesPerS: result.rps * TRACES_PER_REQUEST,
      cpu,
      peakRss: Math.max(...samples),
      lastRss: samples.at(-1),
      store: list.store,
    };
  } finally {
    clearInterval(timer);
    await shop.stop();
  }
}

export async function measureConsole() {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push(
      await routeRun(`shop route, default (10 % sampled, no export), round ${round + 1}`, false),
    );
    rounds.push(await routeRun(`shop route, every span to the console, round ${round + 1}`, true));
  }
  const ingest = await burst();
  const avg = (rows, key) => rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
  const base = rounds.filter((_, i) => i % 2 === 0);
  const exported = rounds.filter((_, i) => i % 2 === 1);
  const fmt = (n, d = 0) => Number(n).toFixed(d);
  const cpuCell = (r) =>
    Object.entries(r.perRequestUs)
      .filter(([name]) => name !== 'registry')
      .map(([name, us]) => `${name} ${fmt(us)}`)
      .join(', ');
  const table = [
    '| run | req/s | p50 ms | p99 ms | errors | CPU µs per request, per process | gateway RSS MiB |',
    '|---|---:|---:|---:|---:|---|---:|',
    ...rounds.map(
      (r) =>
        `| ${r.title} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 1)} | ${r.errors} | ${cpuCell(r)} | ${fmt(r.rss.gateway)} |`,
    ),
  ].join('\n');
  const ratio = avg(exported, 'rps') / avg(base, 'rps');
  const ratios = exported.map((r, i) => r.rps / base[i].rps);
  const spread = (rows) =>
    Math.max(...rows.map((r) => r.rps)) / Math.min(...rows.map((r) => r.rps)) - 1;
  const noise = Math.max(spread(base), spread(exported));
  const cost =
    ratio >= 1 - noise
      ? `**Every span to the console costs no throughput measurable on this machine**: ${fmt(ratio, 2)}× the
default's mean req/s (per round ${ratios.map((r) => fmt(r, 2)).join(', ')}), while runs of one setup differ by up to
${fmt(noise * 100)} %`
      : `**Every span to the console costs ${fmt((1 - ratio) * 100)} % of the shop route's throughput**: ${fmt(ratio, 2)}× the
default's mean req/s (per round ${ratios.map((r) => fmt(r, 2)).join(', ')}; runs of one setup differ by up to ${fmt(noise * 100)} %)`;
  return `## The console

Measured by \`npm run bench\` (\`bench/console.mjs\`) with \`wrk -t1 -c50\` on the shop route, ${ROUTE_S} s runs after a
3 s warm-up, interleaved; each run starts a fresh stack with the launcher \`npm start\` uses.

${table}

${cost}. With the console every process samples (\`parentbased_always_on\`) and exports every span, and the launcher
forwards every log line; the console's own CPU is in the table.

**A burst of ${BURST_TRACES_PER_S} traces/s for ${BURST_S} s** (7 spans each, OTLP/HTTP JSON from \`wrk\`, ${BURST_CONNECTIONS} connections, with
\`bench/wrk/otlp-traces.lua\`): the console accepted ${fmt(ingest.tracesPerS)} traces/s in ${fmt(ingest.rps)} requests/s of ${TRACES_PER_REQUEST} traces (${ingest.errors} errors, p99 ${fmt(ingest.p99, 1)} ms),
using ${fmt((ingest.cpu / BURST_S) * 100)} % of a core; its RSS peaked at **${fmt(ingest.peakRss)} MiB** and ended at ${fmt(ingest.lastRss)} MiB,
holding ${ingest.store?.spans ?? '?'} spans (capacity ${ingest.store?.capacity ?? '?'}) after evicting ${ingest.store?.evictedSpans ?? '?'} spans
(${ingest.store?.evictedTraces ?? '?'} traces): memory is bounded by the span ring, not by the rate.
`;
}
