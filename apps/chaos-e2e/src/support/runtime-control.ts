import { deleteKv, putKv, scrapeMetrics, waitUntil, type Scrape } from '@junction/testing';
import type { ChaosProcess, ChaosStack } from './chaos-stack';

const GATEWAY_KEY = 'junction/config/gateway';

const count = (lines: readonly string[], text: string) =>
  lines.filter((line) => line.includes(text)).length;

/**
 * Writes `junction/config/gateway` and resolves once the gateway logged that
 * it applied a new value, so what follows runs under the new configuration.
 */
export async function configureGateway(stack: ChaosStack, runtime: object): Promise<void> {
  const applied = `applied ${GATEWAY_KEY}`;
  const before = count(stack.linesOf('gateway'), applied);
  await putKv(stack.registryUrl, GATEWAY_KEY, runtime);
  await waitUntil(() => count(stack.linesOf('gateway'), applied) > before, {
    what: 'the gateway to apply its new runtime configuration',
  });
}

/**
 * Writes `junction/faults/<service>` and resolves once each of `processes`
 * (the instances of that service) logged the change.
 */
export async function injectFaults(
  stack: ChaosStack,
  service: string,
  faults: object | undefined,
  processes: readonly ChaosProcess[],
): Promise<void> {
  const logged = `faults for ${service}:`;
  const before = processes.map((name) => count(stack.linesOf(name), logged));
  const key = `junction/faults/${service}`;
  if (faults) await putKv(stack.registryUrl, key, faults);
  else await deleteKv(stack.registryUrl, key);
  await waitUntil(
    () => processes.every((name, i) => count(stack.linesOf(name), logged) > before[i]),
    { what: `${processes.join(', ')} to log their new faults` },
  );
}

/** The gateway's Prometheus metrics now. */
export const gatewayMetrics = (stack: ChaosStack): Promise<Scrape> =>
  scrapeMetrics(`${stack.gatewayUrl}/metrics`);

/** A breaker's state as the gateway reports it: 0 closed, 1 half-open, 2 open. */
export async function breakerState(
  stack: ChaosStack,
  upstream: string,
  method: string,
): Promise<number | undefined> {
  return (await gatewayMetrics(stack)).value('junction_upstream_breaker_state', {
    upstream,
    method,
  });
}
