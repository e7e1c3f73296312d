// `npm run bench`: the gateway against a hand-written baseline, measured in
// the same run on the same services. Bounded: ten-second autocannon runs on
// loopback. Writes docs/benchmarks.md. A benchmark, not a test.
import autocannon from 'autocannon';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { env, installIfNeeded, root, runOrExit } from '../tools/scripts/workspace.mjs';
import { measureConsole } from './console.mjs';

const CONNECTIONS = 50;
const DURATION_S = 10;
const PORTS = {
  registry: 28500,
  gateway: 28080,
  catalog: 22051,
  inventory: 22052,
  reviews: 22053,
  orders: 22054,
};
const BASELINE_PORT = 28081;

installIfNeeded();
runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

const BENCHMARKS = path.join(root, 'docs', 'benchmarks.md');
const CONSOLE_SECTION = '## The console';

// `npm run bench -- --console` measures only the console and replaces its section.
if (process.argv.includes('--console')) {
  const current = readFileSync(BENCHMARKS, 'utf8');
  const start = current.indexOf(CONSOLE_SECTION);
  const kept = start === -1 ? current : current.slice(0, start);
  writeFileSync(BENCHMARKS, `${kept.trimEnd()}\n\n${await measureConsole()}`);
  console.log('\nwritten to docs/benchmarks.md');
  process.exit(0);
}

// In-process first, on a quiet machine: the cost of a call an open breaker refuses.
const { openBreakerResult } = await import('./open-breaker.mjs');

const require = createRequire(path.join(root, 'package.json'));
const { startShop, startApp, awaitReady, httpOk, ManagedProcess } = require('@junction/testing');

const randomId = () => String(1 + Math.floor(Math.random() * 1000));
const load = (url, duration = DURATION_S) =>
  autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/products/${randomId()}` }) }],
  });
const summarize = (r) => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
});

// The rate limiter stays on (its cost is part of the gateway's), with a limit
// the load from one IP never reaches.
const GATEWAY_ENV = { LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '1000000000' };
const shop = await startShop({ ports: PORTS, env: { ...env, ...GATEWAY_ENV } });
const baseline = new ManagedProcess({
  name: 'baseline',
  command: process.execPath,
  args: [
    path.join(root, 'bench', 'baseline-proxy.mjs'),
    String(BASELINE_PORT),
    `127.0.0.1:${PORTS.catalog}`,
    `127.0.0.1:${PORTS.inventory}`,
    `127.0.0.1:${PORTS.reviews}`,
  ],
  cwd: root,
  env,
});
const baselineUrl = `http://127.0.0.1:${BASELINE_PORT}`;
await awaitReady(baseline, () => httpOk(`${baselineUrl}/api/v1/products/1`), 10_000);

let report = '';
try {
  console.log('warming up…');
  await load(baselineUrl, 3);
  await load(shop.gatewayUrl, 3);

  console.log('baseline…');
  const base = summarize(await load(baselineUrl));
  console.log('gateway (default: tracing on, parent-based 10 % sampling)…');
  const gateway = summarize(await load(shop.gatewayUrl));

  // Variants of the gateway, restarted with one setting changed.
  const variant = async (title, extraEnv) => {
    await shop.processes.get('gateway').stop();
    const gateway = startApp('gateway', {
      ports: PORTS,
      env: { ...env, ...GATEWAY_ENV, ...extraEnv },
    });
    shop.processes.set('gateway', gateway);
    await awaitReady(gateway, () => httpOk(`${shop.gatewayUrl}/readyz`), 20_000);
    await load(shop.gatewayUrl, 3);
    console.log(`${title}…`);
    return summarize(await load(shop.gatewayUrl));
  };
  // Every request sampled (the services follow the sampled flag).
  const all = await variant('gateway (every request sampled)', {
    OTEL_TRACES_SAMPLER: 'always_on',
  });
  // The same gateway on @grpc/grpc-js instead of the lean HTTP/2 transport.
  const grpcJs = await variant('gateway (grpc-js transport)', { GRPC_TRANSPORT: 'grpc-js' });

  const ratio = (r) => ({ throughput: r.rps / base.rps, p99: r.p99 / base.p99 });
  const rows = [
    ['baseline (node:http + grpc-js)', base, null],
    ['gateway, default config', gateway, ratio(gateway)],
    ['gateway, every request sampled', all, ratio(all)],
    ['gateway, grpc-js transport', grpcJs, ratio(grpcJs)],
  ];
  const fmt = (n, d = 0) => n.toFixed(d);
  const table = [
    '| run | req/s | p50 ms | p99 ms | errors | throughput vs baseline | p99 vs baseline |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ([name, r, q]) =>
        `| ${name} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors} | ${q ? fmt(q.throughput, 2) + '×' : '1.00×'} | ${q ? fmt(q.p99, 2) + '×' : '1.00×'} |`,
    ),
  ].join('\n');
  const target = ratio(gateway);
  const verdict = `Target (default config): throughput ≥ 0.80× → ${fmt(target.throughput, 2)}× ${target.throughput >= 0.8 ? 'met' : 'NOT met'}; p99 ≤ 1.50× → ${fmt(target.p99, 2)}× ${target.p99 <= 1.5 ? 'met' : 'NOT met'}.`;
  console.log(`\n${table}\n\n${verdict}`);

  const cpu = os.cpus();
  report = `# Benchmarks

\`npm run bench\`: \`GET /api/v1/products/:id\` over random ids 1–1000, ${CONNECTIONS} connections, ${DURATION_S} s per run
(autocannon, loopback), after a 3 s warm-up. The baseline is \`bench/baseline-proxy.mjs\`: plain \`node:http\` and
\`@grpc/grpc-js\` making the same three parallel calls to the same services in the same run, so the ratios hold
across machines even where the absolute numbers do not. Everything (load generator, gateway or baseline, four
services) shares the machine's cores.

Last run: ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.

${table}

${verdict}

**Open circuit breaker** (\`bench/open-breaker.mjs\`, in-process, the whole client chain, 200k calls): a call the
open breaker refuses costs ${openBreakerResult.open.toFixed(1)} µs, against ${openBreakerResult.healthy.toFixed(1)} µs for a call the same chain passes
to an upstream that answers at once (${(openBreakerResult.open / openBreakerResult.healthy).toFixed(2)}×): far under a millisecond.

"Default config" is what \`npm start\` runs: own spans (no auto-instrumentation), W3C propagation, parent-based
10 % sampling, no exporter, the lean HTTP/2 unary transport, and the full resilience chain on every upstream
call (fallback, bulkhead, circuit breaker, retry, deadline budget, outlier ejection) plus the edge's rate
limiter and load shedding. "Every request sampled" sets
\`OTEL_TRACES_SAMPLER=always_on\` on the gateway; the services follow the sampled flag. Spans are recorded but, with
no collector configured, not exported. "grpc-js transport" sets \`GRPC_TRANSPORT=grpc-js\`: the same gateway
calling through \`@grpc/grpc-js\`, as the baseline does.
`;
} finally {
  await baseline.stop();
  await shop.stop();
}
// Its own stacks, once the gateway's are stopped: nothing else on the cores.
writeFileSync(BENCHMARKS, `${report}\n${await measureConsole()}`);
console.log('\nwritten to docs/benchmarks.md');
