import type { TraceView } from '@junction/console-api';
import type { StoredSpan } from './stored-span';

/**
 * How far each span is from its trace's root; a span whose parent is
 * missing is a root. Walked without recursion, and a cycle (a hostile
 * exporter's) ends the walk, so no trace can exhaust the stack.
 */
function depthsOf(spans: readonly StoredSpan[]): Map<string, number> {
  const parentOf = new Map(spans.map((span) => [span.view.spanId, span.view.parentSpanId]));
  const depths = new Map<string, number>();
  for (const span of spans) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | undefined = span.view.spanId;
    while (id !== undefined && !depths.has(id) && parentOf.has(id) && !onPath.has(id)) {
      path.push(id);
      onPath.add(id);
      id = parentOf.get(id);
    }
    let depth = id !== undefined && depths.has(id) ? (depths.get(id) ?? 0) + 1 : 0;
    for (let i = path.length - 1; i >= 0; i -= 1) depths.set(path[i] ?? '', depth++);
  }
  return depths;
}

/** A trace's spans by start time; a parent before children that started in the same instant. */
export function toTraceView(traceId: string, spans: readonly StoredSpan[]): TraceView {
  const depths = depthsOf(spans);
  const depth = (span: StoredSpan) => depths.get(span.view.spanId) ?? 0;
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs || depth(a) - depth(b));
  return { traceId, spans: sorted.map((span) => span.view) };
}
