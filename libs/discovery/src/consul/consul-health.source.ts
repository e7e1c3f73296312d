import type Consul from 'consul';
import { readWithIndex } from './consul-read';
import type { HealthSource } from './health-source.port';

/**
 * The health read over the `consul` client. Its HTTP timeout outlasts the
 * longest answer Consul may take (wait plus 1/16 jitter) by a margin, so a
 * healthy blocking call is never cut short.
 */
export function consulHealthSource(consul: Consul): HealthSource {
  return async (service, index, waitMs, signal) => {
    const { index: received, body } = await readWithIndex(
      `health read of ${service}`,
      signal,
      (ctx) =>
        consul.health.service({
          service,
          passing: true,
          ...(index > 0n ? { index: index.toString(), wait: `${waitMs}ms` } : {}),
          timeout: Math.ceil((waitMs * 17) / 16) + 2000,
          ctx,
        } as never),
    );
    return { index: received, body };
  };
}
