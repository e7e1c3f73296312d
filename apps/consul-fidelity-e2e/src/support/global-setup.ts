import { runDevRegistry, waitUntil, WORKSPACE_ROOT } from '@junction/testing';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setRegistry } from './registry-handle';
import { DEV_REGISTRY_ADDR, DEV_REGISTRY_PORT, DEV_REGISTRY_TIME_SCALE } from './registry-ports';

const ENTRY = 'apps/dev-registry/dist/main.js';

/** True once `GET /v1/status/leader` gets an HTTP answer from `addr`. */
async function answers(addr: string): Promise<boolean> {
  try {
    const res = await fetch(`${addr}/v1/status/leader`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * With CONSUL_HTTP_ADDR set, the specs run against that agent at Consul's own
 * timings (CONSUL_TIME_SCALE, default 1). Otherwise the dev registry is
 * started here at time scale 0.02 and the specs are pointed at it; workers
 * inherit the environment set here. Its log goes to tmp/e2e-logs/.
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env.CONSUL_HTTP_ADDR;
  if (given) {
    process.env.CONSUL_TIME_SCALE ??= '1';
    await waitUntil(() => answers(given), {
      timeoutMs: 10_000,
      what: `the Consul agent at ${given} (CONSUL_HTTP_ADDR) to answer`,
    });
    return;
  }

  if (!existsSync(path.join(WORKSPACE_ROOT, ENTRY))) {
    throw new Error(`${ENTRY} is missing: run \`npx nx run dev-registry:build\` first`);
  }
  if (await answers(DEV_REGISTRY_ADDR)) {
    throw new Error(
      `something already answers on ${DEV_REGISTRY_ADDR}; stop it (or point CONSUL_HTTP_ADDR at it)`,
    );
  }
  const logDir = path.join(WORKSPACE_ROOT, 'tmp', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, 'dev-registry.log'));
  // Up when it answers; an exit before that fails the run at once, with its output.
  let registry;
  try {
    registry = await runDevRegistry({
      port: DEV_REGISTRY_PORT,
      timeScale: DEV_REGISTRY_TIME_SCALE,
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
      onLine: (_name, line) => log.write(`${line}\n`),
    });
  } catch (error) {
    log.end();
    throw error;
  }

  process.env.CONSUL_HTTP_ADDR = DEV_REGISTRY_ADDR;
  process.env.CONSUL_TIME_SCALE = String(DEV_REGISTRY_TIME_SCALE);
  setRegistry({ registry: registry.process, log });
}
