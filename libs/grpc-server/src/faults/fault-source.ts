import {
  runtimeConfig,
  type DiscoverySettings,
  type RuntimeConfig,
  type RuntimeConfigObserver,
} from '@junction/discovery';
import type { Logger } from '@junction/telemetry';
import {
  faultConfigSchema,
  faultsKey,
  injectsFaults,
  NO_FAULTS,
  type FaultConfig,
} from './fault-config.schema';

/** Where the faults in force come from (a KV watch, or none). */
export type FaultSource = RuntimeConfig<FaultConfig>;

export interface FaultSourceOptions {
  /** The service's registry name, e.g. catalog: its key is junction/faults/catalog. */
  readonly service: string;
  readonly settings: DiscoverySettings;
  readonly logger: Logger;
  /** Counts each fault configuration applied or refused (RuntimeConfigMetrics). */
  readonly observer?: RuntimeConfigObserver;
}

const summary = (config: FaultConfig): string =>
  injectsFaults(config) ? JSON.stringify(config) : 'off';

/**
 * The faults of one service from Consul KV, applied without a restart (none
 * with DISCOVERY=static, which has no KV). A missing key means none; an invalid value is refused (logged) and the last
 * good configuration stays. Logged when what is injected changes, never per call.
 */
export function faultSource({
  service,
  settings,
  logger,
  observer,
}: FaultSourceOptions): FaultSource {
  const key = faultsKey(service);
  // The watch answers again on unrelated KV writes; only real changes are news.
  let applied = summary(NO_FAULTS);
  return runtimeConfig(settings, {
    key,
    schema: faultConfigSchema,
    observer,
    onChange: (config) => {
      const now = summary(config);
      if (now === applied) return;
      applied = now;
      const line = `faults for ${service}: ${now}`;
      if (injectsFaults(config)) logger.warn(line);
      else logger.info(line);
    },
    onInvalid: (problem) => logger.warn(`${problem}; keeping the last good fault configuration`),
    onError: (error, failures) => {
      if (failures === 1) logger.warn({ err: error }, `watching ${key} failed`);
    },
  });
}
