import type { TraceSummary, TraceView } from '@junction/console-api';
import type { StoredSpan } from './stored-span';
import { summarize } from './trace-summary';
import { toTraceView } from './trace-view';

interface TraceEntry {
  readonly traceId: string;
  /** By span id: a span exported twice (an exporter's retry) is kept once. */
  readonly spans: Map<string, StoredSpan>;
  summary: TraceSummary;
  /** Sequence number of its last change, for the live feed. */
  seq: number;
}

export interface TraceFilter {
  readonly service?: string;
  readonly route?: string;
  readonly status?: TraceSummary['status'];
  readonly minDurationMs?: number;
  readonly limit: number;
}

export interface SpanStoreStats {
  readonly spans: number;
  readonly capacity: number;
  readonly traces: number;
  readonly evictedSpans: number;
  readonly evictedTraces: number;
}

/** Keeps at most this many changes for the live feed to read since its cursor. */
const CHANGE_LOG = 10_000;

/**
 * Spans in a ring bounded by span count: when full, whole traces go, oldest
 * first (by when their first span arrived), and every eviction is counted.
 * Indexed by service and route for the trace list's filters.
 */
export class SpanStore {
  private readonly traces = new Map<string, TraceEntry>();
  private readonly byService = new Map<string, Set<string>>();
  private readonly byRoute = new Map<string, Set<string>>();
  private changes: { seq: number; traceId: string }[] = [];
  private spanCount = 0;
  private seq = 0;
  private evictedSpans = 0;
  private evictedTraces = 0;

  constructor(readonly capacity: number) {}

  add(spans: readonly StoredSpan[]): void {
    const touched = new Set<TraceEntry>();
    for (const span of spans) {
      let entry = this.traces.get(span.traceId);
      if (!entry) {
        entry = {
          traceId: span.traceId,
          spans: new Map(),
          summary: summarize(span.traceId, []),
          seq: 0,
        };
        this.traces.set(span.traceId, entry);
      }
      if (!entry.spans.has(span.view.spanId)) this.spanCount += 1;
      entry.spans.set(span.view.spanId, span);
      index(this.byService, span.view.service, span.traceId);
      touched.add(entry);
    }
    for (const entry of touched) this.refresh(entry);
    this.evict();
  }

  trace(traceId: string): TraceView | undefined {
    const entry = this.traces.get(traceId);
    return entry ? toTraceView(traceId, [...entry.spans.values()]) : undefined;
  }

  /** Spans of the trace, as stored (for the service map's edge lookups). */
  spansOf(traceId: string): Iterable<StoredSpan> {
    return this.traces.get(traceId)?.spans.values() ?? [];
  }

  /** Summaries matching `filter`, newest first. */
  list(filter: TraceFilter): TraceSummary[] {
    const candidates = [
      filter.service === undefined
        ? undefined
        : (this.byService.get(filter.service) ?? new Set<string>()),
      filter.route === undefined
        ? undefined
        : (this.byRoute.get(filter.route) ?? new Set<string>()),
    ].filter((set): set is Set<string> => set !== undefined);
    const ids = candidates.sort((a, b) => a.size - b.size)[0];
    const entries = ids
      ? [...ids].flatMap((id) => this.traces.get(id) ?? [])
      : [...this.traces.values()];
    return entries
      .map((entry) => entry.summary)
      .filter(
        (summary) =>
          (filter.service === undefined || summary.services.includes(filter.service)) &&
          (filter.route === undefined || summary.route === filter.route) &&
          (filter.status === undefined || summary.status === filter.status) &&
          (filter.minDurationMs === undefined || summary.durationMs >= filter.minDurationMs),
      )
      .sort((a, b) => compareNanos(b.startTimeUnixNano, a.startTimeUnixNano))
      .slice(0, filter.limit);
  }

  /** The current sequence number: a cursor for changedSince. */
  get cursor(): number {
    return this.seq;
  }

  /** Summaries of traces that changed after `cursor` (newest change first, at most `limit`). */
  changedSince(cursor: number, limit: number): TraceSummary[] {
    const seen = new Set<string>();
    const out: TraceSummary[] = [];
    for (let i = this.changes.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const change = this.changes[i];
      if (!change || change.seq <= cursor) break;
      const entry = this.traces.get(change.traceId);
      if (seen.has(change.traceId) || !entry) continue;
      seen.add(change.traceId);
      out.push(entry.summary);
    }
    return out;
  }

  stats(): SpanStoreStats {
    return {
      spans: this.spanCount,
      capacity: this.capacity,
      traces: this.traces.size,
      evictedSpans: this.evictedSpans,
      evictedTraces: this.evictedTraces,
    };
  }

  private refresh(entry: TraceEntry): void {
    const before = entry.summary.route;
    entry.summary = summarize(entry.traceId, [...entry.spans.values()]);
    if (before !== entry.summary.route) {
      if (before !== undefined) unindex(this.byRoute, before, entry.traceId);
      if (entry.summary.route !== undefined)
        index(this.byRoute, entry.summary.route, entry.traceId);
    }
    entry.seq = ++this.seq;
    this.changes.push({ seq: entry.seq, traceId: entry.traceId });
    if (this.changes.length > 2 * CHANGE_LOG) this.changes = this.changes.slice(-CHANGE_LOG);
  }

  private evict(): void {
    for (;;) {
      const oldest = this.traces.values().next().value;
      if (!oldest || this.spanCount <= this.capacity) return;
      if (this.traces.size === 1) {
        // One trace larger than the whole ring: keep its newest spans.
        const byAge = [...oldest.spans.values()].sort((a, b) => a.startMs - b.startMs);
        for (const span of byAge.slice(0, this.spanCount - this.capacity)) {
          oldest.spans.delete(span.view.spanId);
          this.spanCount -= 1;
          this.evictedSpans += 1;
        }
        this.refresh(oldest);
        return;
      }
      this.remove(oldest);
    }
  }

  private remove(entry: TraceEntry): void {
    this.traces.delete(entry.traceId);
    this.spanCount -= entry.spans.size;
    this.evictedSpans += entry.spans.size;
    this.evictedTraces += 1;
    for (const service of entry.summary.services) unindex(this.byService, service, entry.traceId);
    if (entry.summary.route !== undefined)
      unindex(this.byRoute, entry.summary.route, entry.traceId);
  }
}

const compareNanos = (a: string, b: string): number =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

function index(map: Map<string, Set<string>>, key: string, traceId: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(traceId);
}

function unindex(map: Map<string, Set<string>>, key: string, traceId: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(traceId);
  if (set.size === 0) map.delete(key);
}
