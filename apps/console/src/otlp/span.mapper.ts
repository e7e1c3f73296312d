import type { SpanKindName, SpanStatusCode, SpanView } from '@junction/console-api';
import { nanosToMs, type StoredSpan } from '../traces/stored-span';
import type { AttributeCaps } from './attribute-caps';
import { checkSpanIds } from './otlp-ids';
import type { ResourceInput, SpanInput, TracesInput } from './otlp-input';

// Indexed by the OTLP enum values; UNSPECIFIED reads as INTERNAL, as the spec allows.
const KINDS: readonly SpanKindName[] = [
  'INTERNAL',
  'INTERNAL',
  'SERVER',
  'CLIENT',
  'PRODUCER',
  'CONSUMER',
];
const STATUS_CODES: readonly SpanStatusCode[] = ['UNSET', 'OK', 'ERROR'];

export const UNKNOWN_SERVICE = 'unknown_service';

/** `service.name` of a resource, as every OTel SDK sets it. */
export function serviceOf(resource: ResourceInput | undefined): string {
  const value = resource?.attributes.find((kv) => kv.key === 'service.name')?.value?.stringValue;
  return value || UNKNOWN_SERVICE;
}

/** The spans of one export request, checked and capped, ready for the store. */
export function toStoredSpans(input: TracesInput, caps: AttributeCaps): StoredSpan[] {
  const spans: StoredSpan[] = [];
  input.resourceSpans.forEach((resourceSpans, r) => {
    const service = caps.text(serviceOf(resourceSpans.resource));
    resourceSpans.scopeSpans.forEach((scope, s) => {
      scope.spans.forEach((span, i) => {
        const where = `resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`;
        checkSpanIds(span, where);
        spans.push({
          traceId: span.traceId,
          view: toSpanView(span, service, caps),
          startMs: nanosToMs(span.startTimeUnixNano),
          endMs: nanosToMs(span.endTimeUnixNano),
        });
      });
    });
  });
  return spans;
}

function toSpanView(span: SpanInput, service: string, caps: AttributeCaps): SpanView {
  const events = span.events.slice(0, caps.limits.maxAttributes);
  caps.counts.droppedEvents += span.events.length - events.length;
  const message = span.status?.message ? caps.text(span.status.message) : undefined;
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: caps.text(span.name),
    kind: KINDS[span.kind] ?? 'INTERNAL',
    service,
    startTimeUnixNano: span.startTimeUnixNano,
    endTimeUnixNano: span.endTimeUnixNano,
    status: {
      code: STATUS_CODES[span.status?.code ?? 0] ?? 'UNSET',
      ...(message ? { message } : {}),
    },
    attributes: caps.attributes(span.attributes),
    events: events.map((event) => ({
      name: caps.text(event.name),
      timeUnixNano: event.timeUnixNano,
      attributes: caps.attributes(event.attributes),
    })),
  };
}
