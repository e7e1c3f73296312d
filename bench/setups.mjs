// The three ways to serve the shop route that `npm run bench` compares, each
// started fresh and stopped after its run. Junction runs as `npm start` runs
// it; the two baselines serve the same fixture with none of Junction's code.
import { createRequire } from 'node:module';
import path from 'node:path';
import { env, root } from '../tools/scripts/workspace.mjs';

const require = createRequire(path.join(root, 'package.json'));
const { startShop, awaitReady, httpOk, ManagedProcess } = require('@junction/testing');

const BASELINES = path.join(root, 'bench', 'baselines');
const ROUTE = '/api/v1/products/1';

// `npm start`'s settings: log level warn, the limiter on with a limit one
// client never reaches (it would otherwise answer 429s), parent-based 10 %
// sampling, no exporter.
export const JUNCTION_ENV = { ...env, LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '1000000000' };

export const JUNCTION_PORTS = {
  registry: 28500,
  gateway: 28080,
  catalog: 22051,
  inventory: 22052,
  reviews: 22053,
  orders: 22054,
};
const PLAIN = { gateway: 28081, catalog: 22071, inventory: 22072, reviews: 22073 };
const MOLECULER = { http: 28082, gateway: 22081, catalog: 22082, inventory: 22083, reviews: 22084 };

const nodeProcess = (name, script, args) =>
  new ManagedProcess({
    name,
    command: process.execPath,
    args: [path.join(BASELINES, script), ...args],
    cwd: root,
    env: { ...env, NODE_ENV: 'production' },
  });

async function running(processes, url, what) {
  const gateway = processes.get('gateway');
  try {
    await awaitReady(gateway, () => httpOk(`${url}${ROUTE}`), 20_000);
    if (!gateway.running) throw new Error(`${what} did not start:\n${gateway.lines.join('\n')}`);
  } catch (error) {
    await Promise.all([...processes.values()].map((p) => p.stop()));
    throw error;
  }
  return {
    url,
    processes,
    stop: () => Promise.all([...processes.values()].map((p) => p.stop())),
  };
}

/** Junction: the registry, four services and the gateway, as the launcher starts them. */
export async function startJunction(extraEnv = {}) {
  const shop = await startShop({ ports: JUNCTION_PORTS, env: { ...JUNCTION_ENV, ...extraEnv } });
  return {
    url: shop.gatewayUrl,
    apiKey: shop.apiKey,
    processes: shop.processes,
    stop: () => shop.stop(),
  };
}

/** node:http + @grpc/grpc-js clients → three plain @grpc/grpc-js servers. */
export async function startPlainGrpc(fixture) {
  const processes = new Map();
  for (const service of ['catalog', 'inventory', 'reviews'])
    processes.set(
      service,
      nodeProcess(service, 'plain-grpc/service.mjs', [fixture, service, String(PLAIN[service])]),
    );
  const upstreams = ['catalog', 'inventory', 'reviews'].map((s) => `127.0.0.1:${PLAIN[s]}`);
  processes.set(
    'gateway',
    nodeProcess('gateway', 'plain-grpc/gateway.mjs', [String(PLAIN.gateway), ...upstreams]),
  );
  return running(processes, `http://127.0.0.1:${PLAIN.gateway}`, 'the plain grpc-js baseline');
}

/** Moleculer + moleculer-web: four nodes over the TCP transporter. */
export async function startMoleculer(fixture) {
  const { http, ...nodes } = MOLECULER;
  const processes = new Map();
  for (const role of Object.keys(nodes))
    processes.set(
      role,
      nodeProcess(role, 'moleculer/node.mjs', [fixture, role, JSON.stringify(nodes), String(http)]),
    );
  return running(processes, `http://127.0.0.1:${http}`, 'the Moleculer baseline');
}
