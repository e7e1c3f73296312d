// The shop route (public, three upstream calls) on one Junction stack, asked
// anonymously and with each kind of credential: the only difference between
// the runs is verification at the gateway (the API key or the JWT), the
// internal caller token it mints, and each service checking that token. The
// anonymous runs are the baseline, measured in the same run on the same
// processes. Interleaved rounds; CPU µs per request per process from /proc.
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';
import { startIdentityProvider } from './identity-provider.mjs';
import { cpuSeconds } from './proc-stats.mjs';
import { startJunction } from './setups.mjs';
import { wrk } from './wrk.mjs';

const ROUNDS = 3;
export const AUTH_LOAD = { connections: 50, durationS: 10, warmupS: 3 };
const IDP_PORT = 28533;
const products = path.join(root, 'bench', 'wrk', 'random-products.lua');

/** The runs, in the order each round makes them. */
const CREDENTIALS = [
  { key: 'anonymous', title: 'anonymous (baseline)', headers: () => ({}) },
  { key: 'apiKey', title: 'API key', headers: (c) => ({ authorization: `Bearer ${c.apiKey}` }) },
  { key: 'es256', title: 'JWT, ES256', headers: (c) => ({ authorization: `Bearer ${c.es256}` }) },
  { key: 'rs256', title: 'JWT, RS256', headers: (c) => ({ authorization: `Bearer ${c.rs256}` }) },
];
export const AUTH_RUNS = CREDENTIALS.map(({ key, title }) => ({ key, title }));

async function expectAccepted(url, headers, what) {
  const response = await fetch(`${url}/api/v1/me`, { headers });
  if (response.status !== 200) {
    throw new Error(`the gateway refused the ${what}: ${response.status} ${await response.text()}`);
  }
}

async function measuredRun(stack, headers) {
  const pids = [...stack.processes]
    .filter(([, p]) => p.pid !== undefined)
    .map(([n, p]) => [n, p.pid]);
  await wrk(stack.url, { script: products, durationS: AUTH_LOAD.warmupS, headers });
  const before = Object.fromEntries(pids.map(([name, pid]) => [name, cpuSeconds(pid)]));
  const loaded = await wrk(stack.url, {
    script: products,
    connections: AUTH_LOAD.connections,
    durationS: AUTH_LOAD.durationS,
    headers,
  });
  const cpuUs = Object.fromEntries(
    pids.map(([name, pid]) => [
      name,
      ((cpuSeconds(pid) - before[name]) * 1e6) / Math.max(1, loaded.requests),
    ]),
  );
  return { ...loaded, cpuUs };
}

/** Each credential's runs (ROUNDS each), on one stack that accepts all of them. */
export async function measureAuthRoute() {
  const idp = await startIdentityProvider(IDP_PORT);
  try {
    const stack = await startJunction({
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: idp.audience,
      AUTH_JWT_ALGORITHMS: idp.algorithms.join(','),
    });
    try {
      const credentials = {
        apiKey: stack.apiKey,
        es256: await idp.token('ES256'),
        rs256: await idp.token('RS256'),
      };
      for (const { key, title, headers } of CREDENTIALS.slice(1)) {
        await expectAccepted(stack.url, headers(credentials), title);
      }
      const runs = Object.fromEntries(CREDENTIALS.map(({ key }) => [key, []]));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const { key, title, headers } of CREDENTIALS) {
          console.log(`round ${round}: ${title}…`);
          runs[key].push(await measuredRun(stack, headers(credentials)));
        }
      }
      return runs;
    } finally {
      await stack.stop();
    }
  } finally {
    await idp.stop();
  }
}
