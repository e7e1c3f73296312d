// The shop route (GET /api/v1/products/:id, three upstream calls) on Junction
// and on the two baselines, in interleaved rounds, each run on a fresh stack:
// req/s and p50/p99 at 50 connections, p50 at one connection, CPU µs per
// request of every process (from /proc) and RSS. Returns the figures.
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';
import { cpuSeconds, rssMiB } from './proc-stats.mjs';
import { startJunction, startMoleculer, startPlainGrpc } from './setups.mjs';
import { wrk } from './wrk.mjs';

export const LOAD = { connections: 50, durationS: 10, warmupS: 3, serialS: 5 };
const products = path.join(root, 'bench', 'wrk', 'random-products.lua');

export const SETUPS = [
  { key: 'junction', title: 'Junction, as `npm start` runs it', start: () => startJunction() },
  {
    key: 'plain',
    title: 'hand-written: node:http + grpc-js → 3 plain grpc-js servers',
    start: (fixture) => startPlainGrpc(fixture),
  },
  {
    key: 'moleculer',
    title: 'Moleculer 0.14 + moleculer-web, TCP, tracing + breaker + timeout',
    start: (fixture) => startMoleculer(fixture),
  },
];

const pidsOf = (stack) =>
  [...stack.processes].filter(([, proc]) => proc.pid !== undefined).map(([n, p]) => [n, p.pid]);

/** One measured run of one setup on a fresh stack. */
export async function measureRun(setup, fixture) {
  const stack = await setup.start(fixture);
  try {
    const pids = pidsOf(stack);
    await wrk(stack.url, { script: products, durationS: LOAD.warmupS });
    const before = Object.fromEntries(pids.map(([name, pid]) => [name, cpuSeconds(pid)]));
    const loaded = await wrk(stack.url, {
      script: products,
      connections: LOAD.connections,
      durationS: LOAD.durationS,
    });
    const cpuUs = Object.fromEntries(
      pids.map(([name, pid]) => [
        name,
        ((cpuSeconds(pid) - before[name]) * 1e6) / Math.max(1, loaded.requests),
      ]),
    );
    const rss = Object.fromEntries(pids.map(([name, pid]) => [name, rssMiB(pid)]));
    const serial = await wrk(stack.url, {
      script: products,
      connections: 1,
      durationS: LOAD.serialS,
    });
    return { ...loaded, serialP50: serial.p50, cpuUs, rss };
  } finally {
    await stack.stop();
  }
}

/** `rounds` rounds, each setup once per round, in order; figures per setup. */
export async function measureShopRoute(fixture, rounds) {
  const runs = Object.fromEntries(SETUPS.map((s) => [s.key, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const setup of SETUPS) {
      console.log(`round ${round}: ${setup.title}…`);
      runs[setup.key].push(await measureRun(setup, fixture));
    }
  }
  return runs;
}
