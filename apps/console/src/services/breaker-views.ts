import type {
  BreakerForce as ForcedView,
  BreakerStateName,
  BreakerView,
} from '@junction/console-api';
import { forcedStateOf, type BreakerForce } from '@junction/resilience';
import { samplesOf, type MetricFamily } from './prom-json.schema';

const STATES: readonly BreakerStateName[] = ['closed', 'half-open', 'open'];
const FORCED_GAUGE: readonly ForcedView[] = ['auto', 'open', 'closed'];

export interface ScrapedInstance {
  readonly service: string;
  readonly instance: string;
  readonly families: readonly MetricFamily[];
}

/**
 * Each caller instance's breakers from its `junction_upstream_breaker_state`
 * gauge, with what `junction/breakers/<upstream>` forces (read from KV; when
 * KV could not be read, what the caller's own forced gauge says it obeys).
 */
export function breakerViews(
  scraped: readonly ScrapedInstance[],
  forces: ReadonlyMap<string, BreakerForce> | undefined,
): BreakerView[] {
  const views: BreakerView[] = [];
  for (const { service, instance, families } of scraped) {
    const forcedGauge = new Map(
      samplesOf(families, 'junction_upstream_breaker_forced').map((s) => [
        `${s.labels['upstream']}\u0000${s.labels['method']}`,
        FORCED_GAUGE[s.value ?? 0] ?? 'auto',
      ]),
    );
    for (const sample of samplesOf(families, 'junction_upstream_breaker_state')) {
      const upstream = String(sample.labels['upstream'] ?? '');
      const method = String(sample.labels['method'] ?? '');
      const forced = forces
        ? (forcedStateOf(forces.get(upstream), method) ?? 'auto')
        : (forcedGauge.get(`${upstream}\u0000${method}`) ?? 'auto');
      views.push({
        caller: service,
        callerInstance: instance,
        upstream,
        method,
        state: STATES[sample.value ?? 0] ?? 'closed',
        forced,
      });
    }
  }
  return views.sort(
    (a, b) =>
      a.caller.localeCompare(b.caller) ||
      a.callerInstance.localeCompare(b.callerInstance) ||
      a.upstream.localeCompare(b.upstream) ||
      a.method.localeCompare(b.method),
  );
}
