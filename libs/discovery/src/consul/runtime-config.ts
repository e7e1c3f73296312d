import type { z } from 'zod';
import { consulClient } from './consul-client';
import { consulKvSource } from './consul-kv.source';
import type { DiscoverySettings } from './discovery-setup';
import { KvConfigWatch, type KvConfigWatchOptions } from './kv-config-watch';

/** Runtime configuration in force, whatever it is read from. */
export interface RuntimeConfig<T> {
  readonly current: T;
  /** True once the key has been read (absent included): `current` is then what KV holds. */
  readonly loaded: boolean;
  stop(): Promise<void>;
}

/** Where the standard lines go (a Nest Logger fits). */
export interface RuntimeConfigLog {
  log(message: string): void;
  warn(message: string): void;
}

/** Told of every value applied and every value refused, by key (metrics bind here). */
export interface RuntimeConfigObserver {
  applied(key: string): void;
  rejected(key: string): void;
}

export type RuntimeConfigOptions<S extends z.ZodType> = Pick<
  KvConfigWatchOptions<S>,
  'key' | 'schema' | 'onChange' | 'onInvalid' | 'onError'
> & {
  /**
   * Logs what the hooks left out say: each applied value, each refusal
   * (the last good value stays), the first failure of a run of them.
   */
  readonly log?: RuntimeConfigLog;
  /** Counted whatever the hooks do. */
  readonly observer?: RuntimeConfigObserver;
};

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
    return { current: fixed, loaded: true, stop: async () => undefined };
  }
  const { log, observer, ...watch } = options;
  const { key } = watch;
  const onChange =
    watch.onChange ?? ((value) => log?.log(`applied ${key}: ${JSON.stringify(value)}`));
  const onInvalid =
    watch.onInvalid ?? ((problem) => log?.warn(`${problem}; keeping the last good configuration`));
  return new KvConfigWatch({
    onError: (error, failures) =>
      failures === 1 && log?.warn(`watching ${key} failed: ${String(error)}`),
    ...watch,
    onChange: (value) => {
      observer?.applied(key);
      onChange(value);
    },
    onInvalid: (problem) => {
      observer?.rejected(key);
      onInvalid(problem);
    },
    source: consulKvSource(consulClient(settings.CONSUL_HTTP_ADDR)),
    waitMs: settings.DISCOVERY_WAIT_MS,
    backoff: { initialMs: 200, maxMs: 10_000 },
  });
}
