import type { AttributeValue, SpanView } from '@junction/console-api';
import { formatAttribute, formatDuration } from '../shared/display.format';
import { millisBetween } from '../shared/time.nanos';
import { eventKind, sortedAttributes } from './resilience.marks';
import type { WaterfallRow } from './waterfall.layout';

function AttributeTable({
  attributes,
  testId,
}: {
  attributes: Readonly<Record<string, AttributeValue>>;
  testId: string;
}) {
  const entries = sortedAttributes(attributes);
  if (entries.length === 0) return <div class="muted small">none</div>;
  return (
    <table class="kv" data-testid={testId}>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key} class={key.startsWith('junction.') ? 'kv-junction' : undefined}>
            <th class="mono">{key}</th>
            <td class="mono">{formatAttribute(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A span's identity, attributes and events (times relative to the span's start). */
export function SpanDetails({
  row,
  traceStartNano,
}: {
  row: WaterfallRow;
  traceStartNano: string;
}) {
  const span: SpanView = row.span;
  return (
    <div class="span-details" data-testid="span-details" data-span-id={span.spanId}>
      <div class="span-details-head">
        <strong>{span.name}</strong>
        <span class="muted">
          {span.service} · {span.kind} · {formatDuration(row.durationMs)} at +
          {formatDuration(millisBetween(traceStartNano, span.startTimeUnixNano))}
        </span>
      </div>
      <dl class="ids">
        <dt>Span</dt>
        <dd class="mono">{span.spanId}</dd>
        <dt>Parent</dt>
        <dd class="mono">
          {span.parentSpanId || '(root)'}
          {row.orphan ? ' (not received)' : ''}
        </dd>
        <dt>Status</dt>
        <dd>
          {span.status.code}
          {span.status.message ? `: ${span.status.message}` : ''}
        </dd>
      </dl>
      <div class="span-details-cols">
        <div>
          <h3>Attributes</h3>
          <AttributeTable attributes={span.attributes} testId="span-attributes" />
        </div>
        <div>
          <h3>Events</h3>
          {span.events.length === 0 ? (
            <div class="muted small">none</div>
          ) : (
            <ul class="events" data-testid="span-events">
              {span.events.map((event, i) => {
                const kind = eventKind(event.name);
                return (
                  <li
                    key={i}
                    data-testid="span-event"
                    data-event={event.name}
                    class={kind ? `event mark-${kind}` : 'event'}
                  >
                    <div class="event-head">
                      <span class="event-time mono">
                        +{formatDuration(millisBetween(span.startTimeUnixNano, event.timeUnixNano))}
                      </span>
                      <span class="event-name">{event.name}</span>
                    </div>
                    {Object.keys(event.attributes).length > 0 && (
                      <AttributeTable attributes={event.attributes} testId="event-attributes" />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
