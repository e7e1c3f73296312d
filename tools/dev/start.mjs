// `npm start`: install if needed, build, start the four services and the
// gateway as separate processes, wait until all are ready, print the URLs.
// Ctrl-C (or SIGTERM) stops every process before this one exits.
import { createRequire } from 'node:module';
import path from 'node:path';
import { env, installIfNeeded, root, runOrExit } from '../scripts/workspace.mjs';
import { formatter } from './log-format.mjs';

installIfNeeded();
console.log('> nx run-many -t build');
runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

const require = createRequire(path.join(root, 'package.json'));
const {
  startShop,
  consulAnswers,
  DEFAULT_SHOP_PORTS,
  SHOP_SERVICES,
} = require('@junction/testing');

const portFrom = (name) => {
  const value = env[`${name.toUpperCase()}_PORT`];
  if (value === undefined) return DEFAULT_SHOP_PORTS[name];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`${name.toUpperCase()}_PORT must be a port number, got "${value}"`);
    process.exit(2);
  }
  return port;
};
// A Consul that already answers at CONSUL_HTTP_ADDR is used as it is;
// otherwise the dev registry starts on that address's port.
const consulSetting = env.CONSUL_HTTP_ADDR ?? '127.0.0.1:8500';
const consulUrl = new URL(
  /^https?:\/\//.test(consulSetting) ? consulSetting : `http://${consulSetting}`,
);
const consulAddress = consulUrl.origin;
const existingConsul = (await consulAnswers(consulAddress)) ? consulAddress : undefined;
const ports = {
  ...Object.fromEntries(['gateway', ...SHOP_SERVICES].map((name) => [name, portFrom(name)])),
  registry: Number(consulUrl.port || DEFAULT_SHOP_PORTS.registry),
};
const format = formatter(['registry', 'gateway', ...SHOP_SERVICES]);
console.log(
  existingConsul
    ? `> using the Consul at ${existingConsul}`
    : `> starting the dev registry at ${consulAddress}`,
);

let shop;
let stopping = false;
const stop = async (reason, exitCode = 0) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping all processes…`);
  await shop?.stop();
  console.log('stopped.');
  process.exit(exitCode);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  shop = await startShop({
    ports,
    env,
    consulAddress: existingConsul,
    publicRateLimits: true,
    onLine: (name, line) => console.log(format(name, line)),
  });
} catch (error) {
  console.error(`\nstart failed: ${error.message}`);
  process.exit(1);
}

const url = shop.gatewayUrl;
console.log(`
Junction is up.
  API        ${url}/api/v1/products/1
  Docs       ${url}/docs   (OpenAPI JSON: ${url}/docs/json)
  Health     ${url}/healthz   ${url}/readyz
  Metrics    ${url}/metrics   (Prometheus)
  Config     ${consulAddress}/v1/kv/junction/config/gateway   (live: limits, timeouts, breakers; see README)
  gRPC       ${SHOP_SERVICES.map((s) => `${s} 127.0.0.1:${ports[s]}`).join(', ')}
  Registry   ${consulAddress}/v1/health/service/catalog?passing  (${existingConsul ? 'Consul' : 'dev registry'})
Press Ctrl-C to stop.
`);
for (const proc of shop.processes.values()) {
  proc.exited.then(({ code, signal }) => {
    if (!stopping) {
      console.error(
        `${proc.spec.name} exited unexpectedly (code ${code}, signal ${signal}); stopping the rest.`,
      );
      void stop(`${proc.spec.name} exited`, 1);
    }
  });
}
