// Reliability under load: Junction as `npm start` runs it, plus a second
// instance of each service; for five minutes of steady load, every 20 s the
// second instance of the next service is killed (SIGKILL) and started again.
// Per 20 s window: requests, failed requests, p50/p99, RSS.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';
import { rssMiB } from './proc-stats.mjs';
import { JUNCTION_ENV, JUNCTION_PORTS, startJunction } from './setups.mjs';
import { wrk } from './wrk.mjs';

const require = createRequire(path.join(root, 'package.json'));
const { startApp, awaitReady, grpcServing } = require('@junction/testing');

export const SOAK = { windows: 15, windowS: 20, killAfterS: 5, connections: 20 };
const SERVICES = ['catalog', 'inventory', 'reviews'];
const SECOND_PORTS = { catalog: 22091, inventory: 22092, reviews: 22093 };
const products = path.join(root, 'bench', 'wrk', 'random-products.lua');

async function startSecond(service) {
  const port = SECOND_PORTS[service];
  const proc = startApp(
    service,
    { ports: { ...JUNCTION_PORTS, [service]: port }, env: JUNCTION_ENV },
    { METRICS_PORT: '0' },
  );
  await awaitReady(proc, () => grpcServing(`127.0.0.1:${port}`), 20_000);
  return proc;
}

export async function measureSoak() {
  const stack = await startJunction();
  const seconds = new Map();
  try {
    for (const service of SERVICES) seconds.set(service, await startSecond(service));
    await wrk(stack.url, { script: products, connections: SOAK.connections, durationS: 3 });
    const windows = [];
    for (let w = 0; w < SOAK.windows; w++) {
      const service = SERVICES[w % SERVICES.length];
      console.log(`soak ${w + 1}/${SOAK.windows}: killing and restarting the second ${service}…`);
      const load = wrk(stack.url, {
        script: products,
        connections: SOAK.connections,
        durationS: SOAK.windowS,
      });
      await new Promise((resolve) => setTimeout(resolve, SOAK.killAfterS * 1000));
      const victim = seconds.get(service);
      victim.signal('SIGKILL');
      await victim.exited;
      const restartedAt = performance.now();
      seconds.set(service, await startSecond(service));
      const restartMs = performance.now() - restartedAt;
      const result = await load;
      windows.push({
        atS: (w + 1) * SOAK.windowS,
        killed: service,
        restartMs,
        ...result,
        rss: {
          gateway: rssMiB(stack.processes.get('gateway').pid),
          catalog: rssMiB(stack.processes.get('catalog').pid),
        },
      });
    }
    return windows;
  } finally {
    await Promise.all([...seconds.values()].map((p) => p.stop()));
    await stack.stop();
  }
}

export function soakReport(windows) {
  const fmt = (n, d = 0) => Number(n).toFixed(d);
  const total = windows.reduce((sum, w) => sum + w.requests, 0);
  const failed = windows.reduce((sum, w) => sum + w.errors, 0);
  const rows = windows.map(
    (w) =>
      `| ${w.atS} | ${w.killed} | ${fmt(w.restartMs)} | ${w.requests} | ${w.errors} | ${fmt(w.p50, 2)} | ${fmt(w.p99, 1)} | ${fmt(w.rss.gateway)} | ${fmt(w.rss.catalog)} |`,
  );
  return `## Soak: instances killed and restarted under load

\`bench/soak.mjs\`: Junction as \`npm start\` runs it plus a second instance of catalog, inventory and reviews;
${SOAK.windows} windows of ${SOAK.windowS} s of \`wrk -c${SOAK.connections}\` on the shop route. ${SOAK.killAfterS} s into each window the second instance of the
next service is killed with SIGKILL and started again (on the same port, so it registers anew).

**${failed} of ${total} requests failed** over ${(SOAK.windows * SOAK.windowS) / 60} minutes and ${SOAK.windows} crashes.

| t (s) | killed | restart to serving (ms) | requests | failed | p50 ms | p99 ms | gateway RSS MiB | catalog RSS MiB |
|---:|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
}
