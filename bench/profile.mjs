// `node bench/profile.mjs <app>`: a CPU profile of one Junction process
// (gateway, catalog, inventory, reviews) under the shop route's load, as
// `npm start` runs it; prints where its time goes and keeps the .cpuprofile
// in tmp/bench/ (open it in Chrome DevTools). Start-up is in the profile
// too: the process is profiled from its first line.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';
import { cpuSeconds } from './proc-stats.mjs';
import { summarizeProfile } from './profile/profile-summary.mjs';
import { JUNCTION_ENV, JUNCTION_PORTS, startJunction } from './setups.mjs';
import { wrk } from './wrk.mjs';

const require = createRequire(path.join(root, 'package.json'));
const { startApp, awaitReady, httpOk, grpcServing } = require('@junction/testing');

const app = process.argv[2];
if (!['gateway', 'catalog', 'inventory', 'reviews'].includes(app)) {
  console.error('usage: node bench/profile.mjs gateway|catalog|inventory|reviews');
  process.exit(2);
}
const file = path.join(root, 'tmp', 'bench', `${app}.cpuprofile`);
const products = path.join(root, 'bench', 'wrk', 'random-products.lua');

const stack = await startJunction();
try {
  await stack.processes.get(app).stop();
  const profiled = startApp(
    app,
    { ports: JUNCTION_PORTS, env: JUNCTION_ENV },
    {
      NODE_OPTIONS: `--require ${path.join(root, 'bench', 'profile', 'cpu-profile.preload.cjs')}`,
      CPU_PROFILE_FILE: file,
    },
  );
  stack.processes.set(app, profiled);
  await awaitReady(
    profiled,
    () =>
      app === 'gateway'
        ? httpOk(`${stack.url}/readyz`)
        : grpcServing(`127.0.0.1:${JUNCTION_PORTS[app]}`),
    20_000,
  );
  await wrk(stack.url, { script: products, durationS: 4 });
  const before = cpuSeconds(profiled.pid);
  const result = await wrk(stack.url, { script: products, durationS: 10 });
  const us = ((cpuSeconds(profiled.pid) - before) * 1e6) / result.requests;
  await profiled.stop();
  const { byPackage, byFunction } = summarizeProfile(file);
  console.log(`${app}: ${result.rps.toFixed(0)} req/s, ${us.toFixed(0)} µs CPU per request while profiled
(the profiler's own cost included); ${file}

| self time by package | share of busy time |
|---|---:|
${byPackage}

| self time by function | share of busy time |
|---|---:|
${byFunction}`);
} finally {
  await stack.stop();
}
