import type { ServiceMapEdge } from '@junction/console-api';
import type { SpanStore } from '../traces/span-store';
import type { StoredSpan } from '../traces/stored-span';

interface CallObservation {
  readonly traceId: string;
  readonly spanId: string;
  readonly from: string;
  /** From `peer.service` when the caller named it; else found at read time, and kept. */
  peer: string | undefined;
  readonly atMs: number;
  readonly durationMs: number;
  readonly error: boolean;
}

const MAX_OBSERVATIONS = 200_000;

const stringAttr = (span: StoredSpan, key: string): string | undefined => {
  const value = span.view.attributes[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * Calls between services as CLIENT spans show them, over a sliding window
 * of arrival time: caller → `peer.service` (Junction's clients name the
 * upstream they resolved), else the service of the SERVER span that answered
 * it (it may arrive after the client span, from another process, so it is
 * looked up when the map is read).
 */
export class CallEdges {
  private observations: CallObservation[] = [];

  constructor(
    private readonly store: SpanStore,
    readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  record(spans: readonly StoredSpan[]): void {
    const atMs = this.now();
    for (const span of spans) {
      if (span.view.kind !== 'CLIENT') continue;
      this.observations.push({
        traceId: span.traceId,
        spanId: span.view.spanId,
        from: span.view.service,
        peer: stringAttr(span, 'peer.service'),
        atMs,
        durationMs: Math.max(0, span.endMs - span.startMs),
        error: span.view.status.code === 'ERROR',
      });
    }
    if (this.observations.length > MAX_OBSERVATIONS) {
      this.observations = this.observations.slice(-MAX_OBSERVATIONS);
    }
  }

  edges(): ServiceMapEdge[] {
    const since = this.now() - this.windowSeconds * 1000;
    const first = this.observations.findIndex((o) => o.atMs >= since);
    this.observations = first < 0 ? [] : this.observations.slice(first);
    const byEdge = new Map<
      string,
      { from: string; to: string; durations: number[]; errors: number }
    >();
    for (const call of this.observations) {
      call.peer ??= this.answeringService(call);
      const to = call.peer;
      if (to === undefined) continue;
      const key = `${call.from}\u0000${to}`;
      const edge = byEdge.get(key) ?? { from: call.from, to, durations: [], errors: 0 };
      edge.durations.push(call.durationMs);
      if (call.error) edge.errors += 1;
      byEdge.set(key, edge);
    }
    return [...byEdge.values()]
      .map(({ from, to, durations, errors }) => ({
        from,
        to,
        rate: durations.length / this.windowSeconds,
        errorRatio: errors / durations.length,
        p99Ms: percentile(durations, 0.99),
      }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }

  private answeringService(call: CallObservation): string | undefined {
    for (const span of this.store.spansOf(call.traceId)) {
      if (span.view.parentSpanId === call.spanId && span.view.kind === 'SERVER')
        return span.view.service;
    }
    return undefined;
  }
}

/** The nearest-rank percentile of `values`. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}
