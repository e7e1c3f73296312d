import type { SpanView } from '@junction/console-api';
import { compareNanos, millisBetween, nanos } from '../shared/time.nanos';

/** One row of the waterfall: where its bar sits on the trace's time axis. */
export interface WaterfallRow {
  readonly span: SpanView;
  /** Nesting under its parent (0 for roots and orphans). */
  readonly depth: number;
  /** Bar start and width as percentages of the trace's duration. */
  readonly offsetPct: number;
  readonly widthPct: number;
  readonly startMs: number;
  readonly durationMs: number;
  /** Its parent id names a span this trace does not hold (not yet received, or evicted). */
  readonly orphan: boolean;
  readonly childCount: number;
  /** Where each of its events happened, as a percentage of the trace's duration. */
  readonly eventOffsetsPct: readonly number[];
}

export interface WaterfallLayout {
  readonly rows: readonly WaterfallRow[];
  readonly durationMs: number;
  /** Services in the order they first appear (a stable colour each). */
  readonly services: readonly string[];
}

const byStart = (a: SpanView, b: SpanView): number =>
  compareNanos(a.startTimeUnixNano, b.startTimeUnixNano) || a.name.localeCompare(b.name);

/**
 * Spans in tree order (each followed by its children, siblings by start
 * time), each placed on the time axis from the earliest start to the latest
 * end. Spans whose parent is missing become roots; a cycle in parent ids
 * (malformed input) cannot loop, since every span is placed once.
 */
export function layoutWaterfall(spans: readonly SpanView[]): WaterfallLayout {
  if (spans.length === 0) return { rows: [], durationMs: 0, services: [] };
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string, SpanView[]>();
  const roots: SpanView[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent && parent !== span.spanId && ids.has(parent)) {
      const siblings = children.get(parent) ?? [];
      siblings.push(span);
      children.set(parent, siblings);
    } else roots.push(span);
  }

  let start = nanos(spans[0].startTimeUnixNano);
  let end = start;
  for (const span of spans) {
    const s = nanos(span.startTimeUnixNano);
    const e = nanos(span.endTimeUnixNano);
    if (s < start) start = s;
    if (e > end) end = e;
    if (s > end) end = s;
  }
  const totalMs = millisBetween(start, end);
  const pct = (ms: number): number => (totalMs > 0 ? clamp((ms / totalMs) * 100) : 0);

  const rows: WaterfallRow[] = [];
  const placed = new Set<string>();
  const place = (span: SpanView, depth: number): void => {
    // Depth-first with an explicit stack: a deep trace cannot overflow the call stack.
    const stack: [SpanView, number][] = [[span, depth]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [current, level] = next;
      if (placed.has(current.spanId)) continue;
      placed.add(current.spanId);
      const startMs = millisBetween(start, current.startTimeUnixNano);
      const durationMs = Math.max(
        0,
        millisBetween(current.startTimeUnixNano, current.endTimeUnixNano),
      );
      const kids = [...(children.get(current.spanId) ?? [])].sort(byStart);
      rows.push({
        span: current,
        depth: level,
        offsetPct: pct(startMs),
        widthPct: Math.min(pct(durationMs), 100 - pct(startMs)),
        startMs,
        durationMs,
        orphan: current.parentSpanId !== '' && !ids.has(current.parentSpanId),
        childCount: kids.length,
        eventOffsetsPct: current.events.map((event) =>
          pct(millisBetween(start, event.timeUnixNano)),
        ),
      });
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], level + 1]);
    }
  };
  for (const root of [...roots].sort(byStart)) place(root, 0);
  // Spans only reachable through a cycle of parent ids.
  for (const span of [...spans].sort(byStart)) place(span, 0);

  const services: string[] = [];
  for (const row of rows) if (!services.includes(row.span.service)) services.push(row.span.service);
  return { rows, durationMs: totalMs, services };
}

/** Evenly spaced labels for the time axis, from 0 to the trace's duration. */
export function timeTicks(durationMs: number, count = 5): readonly { pct: number; ms: number }[] {
  if (durationMs <= 0) return [{ pct: 0, ms: 0 }];
  return Array.from({ length: count }, (_, i) => ({
    pct: (i / (count - 1)) * 100,
    ms: (durationMs * i) / (count - 1),
  }));
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}
