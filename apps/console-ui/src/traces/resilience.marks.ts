import type { AttributeValue, SpanEvent, SpanView } from '@junction/console-api';

/** What a resilience policy did on a call, as the waterfall flags it. */
export type MarkKind =
  | 'retry'
  | 'breaker'
  | 'fallback'
  | 'fault'
  | 'deadline'
  | 'bulkhead'
  | 'degraded'
  | 'error';

export interface Mark {
  readonly kind: MarkKind;
  /** Short, for the waterfall row. */
  readonly label: string;
  /** The full story, for a tooltip. */
  readonly detail?: string;
}

const str = (value: AttributeValue | undefined): string | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);

/** The kind of a span event by its name (`retry`, `breaker.open`, `fault.injected`, …). */
export function eventKind(name: string): MarkKind | undefined {
  const n = name.toLowerCase();
  if (n.includes('retry')) return 'retry';
  if (n.includes('breaker') || n.includes('circuit')) return 'breaker';
  if (n.includes('fallback')) return 'fallback';
  if (n.includes('fault')) return 'fault';
  if (n.includes('deadline') || n.includes('timeout') || n.includes('budget')) return 'deadline';
  if (n.includes('bulkhead')) return 'bulkhead';
  if (n === 'exception') return 'error';
  return undefined;
}

/**
 * Flags for a span from the `junction.*` attributes the resilience
 * middlewares set and from its events, once per kind (retries counted).
 */
export function resilienceMarks(span: SpanView): readonly Mark[] {
  const a = span.attributes;
  const marks: Mark[] = [];
  const add = (kind: MarkKind, label: string, detail?: string): void => {
    if (!marks.some((mark) => mark.kind === kind))
      marks.push(detail ? { kind, label, detail } : { kind, label });
  };

  const retries = span.events.filter((event) => eventKind(event.name) === 'retry').length;
  const attempts = Number(a['junction.attempts'] ?? 0);
  if (attempts > 1 || retries > 0) add('retry', `${Math.max(attempts, retries + 1)} attempts`);

  const rejected = str(a['junction.rejected']);
  if (rejected === 'breaker-open') add('breaker', 'breaker open');
  else if (rejected === 'bulkhead-full') add('bulkhead', 'bulkhead full');
  else if (rejected === 'budget-spent' || rejected === 'deadline')
    add('deadline', 'deadline spent');
  else if (rejected) add('error', `rejected: ${rejected}`);
  const breaker = str(a['junction.breaker']);
  if (breaker && breaker !== 'closed') add('breaker', `breaker ${breaker}`);

  if (a['junction.fallback'] === true)
    add('fallback', 'fallback', str(a['junction.fallback.cause']));
  const faultError = str(a['junction.fault.error']);
  const faultLatency = Number(a['junction.fault.latency_ms'] ?? 0);
  if (faultError) add('fault', `fault ${faultError}`);
  else if (faultLatency > 0) add('fault', `fault +${faultLatency} ms`);
  const degraded = str(a['junction.degraded']);
  if (degraded) add('degraded', `degraded: ${degraded}`);

  for (const event of span.events) {
    const kind = eventKind(event.name);
    if (kind && kind !== 'error') add(kind, event.name);
  }
  if (span.status.code === 'ERROR') add('error', 'error', span.status.message);
  return marks;
}

/** Attributes that describe resilience decisions first, then the rest, each group by key. */
export function sortedAttributes(
  attributes: SpanView['attributes'] | SpanEvent['attributes'],
): [string, AttributeValue][] {
  return Object.entries(attributes).sort(([x], [y]) => {
    const jx = x.startsWith('junction.') ? 0 : 1;
    const jy = y.startsWith('junction.') ? 0 : 1;
    return jx - jy || x.localeCompare(y);
  });
}
