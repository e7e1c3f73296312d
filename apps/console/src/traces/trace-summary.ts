import type { AttributeValue, TraceOutcome, TraceSummary } from '@junction/console-api';
import type { StoredSpan } from './stored-span';

/** The root: the span without a parent, else one whose parent never arrived, else the earliest. */
export function rootOf(spans: readonly StoredSpan[]): StoredSpan | undefined {
  const ids = new Set(spans.map((span) => span.view.spanId));
  const earliest = (candidates: StoredSpan[]) =>
    candidates.reduce<StoredSpan | undefined>(
      (best, span) => (best === undefined || span.startMs < best.startMs ? span : best),
      undefined,
    );
  return (
    earliest(spans.filter((span) => span.view.parentSpanId === '')) ??
    earliest(spans.filter((span) => !ids.has(span.view.parentSpanId))) ??
    earliest([...spans])
  );
}

const asNumber = (value: AttributeValue | undefined): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** The sections `junction.degraded` names (the gateway joins them with commas). */
export function degradedSections(value: AttributeValue | undefined): string[] {
  const parts = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(',')
      : [];
  return parts.map((part) => part.trim()).filter(Boolean);
}

/**
 * error: any span has status ERROR, or the root answered HTTP ≥ 500;
 * degraded: the root names degraded sections; ok otherwise.
 */
export function outcomeOf(
  spans: readonly StoredSpan[],
  root: StoredSpan | undefined,
): TraceOutcome {
  const rootStatus = asNumber(root?.view.attributes['http.response.status_code']);
  if (spans.some((span) => span.view.status.code === 'ERROR') || (rootStatus ?? 0) >= 500) {
    return 'error';
  }
  return degradedSections(root?.view.attributes['junction.degraded']).length > 0
    ? 'degraded'
    : 'ok';
}

export function summarize(traceId: string, spans: readonly StoredSpan[]): TraceSummary {
  const root = rootOf(spans);
  let first = spans[0];
  let endMs = -Infinity;
  for (const span of spans) {
    if (first === undefined || span.startMs < first.startMs) first = span;
    endMs = Math.max(endMs, span.endMs);
  }
  const route = root?.view.kind === 'SERVER' ? root.view.attributes['http.route'] : undefined;
  return {
    traceId,
    rootName: root?.view.name ?? '',
    rootService: root?.view.service ?? '',
    ...(typeof route === 'string' ? { route } : {}),
    startTimeUnixNano: first?.view.startTimeUnixNano ?? '0',
    durationMs: first ? Math.max(0, Math.round((endMs - first.startMs) * 1000) / 1000) : 0,
    spanCount: spans.length,
    services: [...new Set(spans.map((span) => span.view.service))].sort(),
    status: outcomeOf(spans, root),
    degraded: degradedSections(root?.view.attributes['junction.degraded']),
  };
}
