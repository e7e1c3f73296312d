import type { RegistryClock } from '../time/registry-clock';
import type { AgentState } from './agent-state';

/** Consul's check_reap_interval and check_deregister_interval_min. */
export const REAP_INTERVAL_MS = 30_000;
export const DEREGISTER_MIN_MS = 60_000;

/**
 * Every 30 s, removes each service one of whose checks with
 * DeregisterCriticalServiceAfter (at least 1 min) has been critical for
 * longer than that. "Critical since" starts at the first critical update
 * after registration, so removal lands between DCSA and DCSA + 30 s.
 */
export function startReaper(state: AgentState, clock: RegistryClock): { stop(): void } {
  const timer = clock.every(REAP_INTERVAL_MS, () => {
    const now = clock.now();
    const reaped = new Set<string>();
    for (const check of [...state.checks.values()]) {
      const dcsa = check.definition.DeregisterCriticalServiceAfter / 1e6;
      if (!check.ServiceID || reaped.has(check.ServiceID) || !(dcsa > 0)) continue;
      if (check.criticalSince === undefined) continue;
      const limit = clock.real(Math.max(dcsa, DEREGISTER_MIN_MS));
      if (now - check.criticalSince > limit) {
        reaped.add(check.ServiceID);
        state.deregister(check.ServiceID);
      }
    }
  });
  return { stop: () => clearInterval(timer) };
}
