import type { z } from 'zod';
import { consulClient } from './consul-client';
import { consulKvSource } from './consul-kv.source';
import type { DiscoverySettings } from './discovery-setup';
import { KvConfigWatch, type KvConfigWatchOptions } from './kv-config-watch';

/** Runtime configuration in force, whatever it is read from. */
export interface RuntimeConfig<T> {
  readonly current: T;
  stop(): Promise<void>;
}

export type RuntimeConfigOptions<S extends z.ZodType> = Pick<
  KvConfigWatchOptions<S>,
  'key' | 'schema' | 'onChange' | 'onInvalid' | 'onError'
>;

/**
 * An app's runtime configuration from one Consul KV key (a watch that
 * applies changes without a restart), or its schema's defaults, fixed, with
 * DISCOVERY=static, which has no KV to read.
 */
export function runtimeConfig<S extends z.ZodType>(
  settings: DiscoverySettings,
  options: RuntimeConfigOptions<S>,
): RuntimeConfig<z.output<S>> {
  if (settings.DISCOVERY === 'static') {
    const fixed = options.schema.parse({}) as z.output<S>;
    return { current: fixed, stop: async () => undefined };
  }
  return new KvConfigWatch({
    ...options,
    source: consulKvSource(consulClient(settings.CONSUL_HTTP_ADDR)),
    waitMs: settings.DISCOVERY_WAIT_MS,
    backoff: { initialMs: 200, maxMs: 10_000 },
  });
}
