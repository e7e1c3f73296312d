// `npm start`: install if needed, build, then run every app the workspace
// tags with a role (registry, console, services, gateway) as supervised
// processes, wait until all are ready, print the URLs. A process that dies
// is reported and the rest keep running (JUNCTION_AUTO_RESTART=true restarts
// it with backoff); Ctrl-C (or SIGTERM) stops every process before this one exits.
import { createRequire } from 'node:module';
import path from 'node:path';
import { env, installIfNeeded, root, runOrExit } from '../scripts/workspace.mjs';
import { formatter } from './log-format.mjs';

installIfNeeded();
console.log('> nx run-many -t build');
runOrExit('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);

const require = createRequire(path.join(root, 'package.json'));
const { startDevPlatform, discoverApps } = require('@junction/launcher');

const format = formatter(['launcher', ...discoverApps(root).map((app) => app.name)]);

let stopping = false;
const starting = startDevPlatform({
  workspaceRoot: root,
  env,
  onLine: (name, line) => console.log(format(name, line)),
  onEvent: (event) => {
    if (!stopping) console.error(format('launcher', event.message));
  },
});
const stop = async (reason) => {
  // A second Ctrl-C does not wait: the processes are killed as this one exits.
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`\n${reason}: stopping all processes…`);
  await (await starting.catch(() => undefined))?.stop();
  console.log('stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const started = (platform) => {
  const { apps, ports, consulAddress, gatewayUrl: url, console: ops } = platform;
  const grpc = apps
    .filter((app) => app.role === 'service')
    .map((app) => `${app.name} 127.0.0.1:${ports.apps[app.name]}`);
  const metrics = Object.entries(ports.metrics ?? {}).map(([name, port]) => `${name} ${port}`);
  const apiKey = ops?.otlpApiKey ? `   (header x-otlp-api-key: ${ops.otlpApiKey})` : '';
  const registry = platform.externalConsul ? 'Consul' : 'dev registry';
  const lines = [
    'Junction is up.',
    `  API        ${url}/api/v1/products/1`,
    ...(platform.devApiKey
      ? [
          `  API key (dev): ${platform.devApiKey}   (scopes orders; kept in .data/dev-api-key.json)`,
          `             curl -H 'X-API-Key: ${platform.devApiKey}' ${url}/api/v1/me`,
        ]
      : [`  API keys   npm run junction -- api-key create --owner <you> --scopes orders`]),
    `  Docs       ${url}/docs   (OpenAPI JSON: ${url}/docs/json)`,
    `  Health     ${url}/healthz   ${url}/readyz`,
    ...(ops
      ? [`  Console    ${ops.uiUrl}`, `  OTLP       ${ops.otlpUrl} (traces and logs)${apiKey}`]
      : []),
    `  Metrics    ${url}/metrics   (Prometheus)`,
    `             per process, http://127.0.0.1:<port>/metrics: ${metrics.join(', ')}`,
    `  Config     ${consulAddress}/v1/kv/junction/config/gateway   (live: limits, timeouts, breakers; see README)`,
    `  gRPC       ${grpc.join(', ')}`,
    `  Registry   ${consulAddress}/v1/health/service/catalog?passing  (${registry})`,
    `A process that exits is reported and the others keep running${
      env.JUNCTION_AUTO_RESTART === 'true' ? ' (restarted with backoff)' : ''
    }${ops ? '; restart it from the console' : ''}.`,
    'Press Ctrl-C to stop.',
  ];
  console.log(`\n${lines.join('\n')}\n`);
};
starting.then(started, (error) => {
  // After Ctrl-C the launch unwinds by stopping everything; stop() then exits.
  if (stopping) return;
  console.error(`\nstart failed: ${error.message}`);
  process.exit(1);
});
