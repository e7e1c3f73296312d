import type { BreakerForce, BreakerView } from '@junction/console-api';

export interface BreakerGroup {
  readonly upstream: string;
  /** Caller instance × method rows, by caller, method, then instance. */
  readonly rows: readonly BreakerView[];
  readonly open: number;
  readonly halfOpen: number;
  /** What every method of the upstream is forced to, or 'mixed'. */
  readonly forced: BreakerForce | 'mixed';
}

/** Breakers grouped per upstream (upstreams by name), the forced value summarised. */
export function groupBreakers(breakers: readonly BreakerView[]): readonly BreakerGroup[] {
  const byUpstream = new Map<string, BreakerView[]>();
  for (const breaker of breakers) {
    const rows = byUpstream.get(breaker.upstream) ?? [];
    rows.push(breaker);
    byUpstream.set(breaker.upstream, rows);
  }
  return [...byUpstream.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([upstream, rows]) => {
      const forces = new Set(rows.map((row) => row.forced));
      return {
        upstream,
        rows: [...rows].sort(
          (a, b) =>
            a.caller.localeCompare(b.caller) ||
            a.method.localeCompare(b.method) ||
            a.callerInstance.localeCompare(b.callerInstance),
        ),
        open: rows.filter((row) => row.state === 'open').length,
        halfOpen: rows.filter((row) => row.state === 'half-open').length,
        forced: forces.size === 1 ? [...forces][0] : 'mixed',
      };
    });
}
