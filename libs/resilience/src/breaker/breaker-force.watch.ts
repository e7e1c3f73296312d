import {
  runtimeConfig,
  type DiscoverySettings,
  type RuntimeConfig,
  type RuntimeConfigLog,
  type RuntimeConfigObserver,
} from '@junction/discovery';
import { breakerForceKey, breakerForceSchema, type BreakerForce } from './breaker-force.schema';

export interface BreakerForceWatchOptions {
  readonly log?: RuntimeConfigLog;
  /** Counts each document applied or refused, by key. */
  readonly observer?: RuntimeConfigObserver;
}

/** Ops' forced breaker states of the upstreams one caller calls. */
export interface BreakerForces {
  /** The document in force for `upstream` (read per call); undefined for one not watched. */
  current(upstream: string): BreakerForce | undefined;
  stop(): Promise<void>;
}

/**
 * Watches `junction/breakers/<upstream>` in Consul KV for each upstream
 * this caller calls, applying each change to the next call (auto throughout
 * with DISCOVERY=static, which has no KV). Every caller watches its own
 * upstreams, so every replica of every caller obeys one write.
 */
export function watchBreakerForces(
  settings: DiscoverySettings,
  upstreams: readonly string[],
  { log, observer }: BreakerForceWatchOptions = {},
): BreakerForces {
  const watches = new Map<string, RuntimeConfig<BreakerForce>>(
    upstreams.map((upstream) => [
      upstream,
      runtimeConfig(settings, {
        key: breakerForceKey(upstream),
        schema: breakerForceSchema,
        log,
        observer,
      }),
    ]),
  );
  return {
    current: (upstream) => watches.get(upstream)?.current,
    stop: async () => {
      await Promise.all([...watches.values()].map((watch) => watch.stop()));
    },
  };
}
