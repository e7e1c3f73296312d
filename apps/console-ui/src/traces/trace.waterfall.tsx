import { Fragment } from 'preact';
import { formatDuration } from '../shared/display.format';
import { serviceColor } from '../shared/theme';
import { resilienceMarks } from './resilience.marks';
import { SpanDetails } from './span.details';
import { timeTicks, type WaterfallLayout } from './waterfall.layout';

/** Spans as bars on the trace's time axis, indented under their parents; click one for its details. */
export function TraceWaterfall({
  layout,
  traceStartNano,
  selected,
  onSelect,
}: {
  layout: WaterfallLayout;
  traceStartNano: string;
  selected: string | undefined;
  onSelect: (spanId: string | undefined) => void;
}) {
  const ticks = timeTicks(layout.durationMs);
  return (
    <div class="waterfall" data-testid="waterfall">
      <div class="wf-header">
        <div class="wf-name-col">Service · span</div>
        <div class="wf-bar-col wf-ticks">
          {ticks.map((tick) => (
            <span key={tick.pct} class="wf-tick" style={{ left: `${tick.pct}%` }}>
              {formatDuration(tick.ms)}
            </span>
          ))}
        </div>
      </div>
      {layout.rows.map((row) => {
        const span = row.span;
        const color = serviceColor(layout.services, span.service);
        const marks = resilienceMarks(span);
        const isSelected = selected === span.spanId;
        // The duration sits after the bar, before it near the right edge, inside it when it is long.
        const labelInside = row.widthPct > 60;
        const labelOnLeft = !labelInside && row.offsetPct + row.widthPct > 80;
        return (
          <Fragment key={span.spanId}>
            <div
              class={`wf-row${isSelected ? ' selected' : ''}${span.status.code === 'ERROR' ? ' wf-error' : ''}`}
              data-testid="span-row"
              data-span-id={span.spanId}
              data-service={span.service}
              data-kind={span.kind}
              data-status={span.status.code}
              role="button"
              tabIndex={0}
              aria-expanded={isSelected}
              onClick={() => onSelect(isSelected ? undefined : span.spanId)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onSelect(isSelected ? undefined : span.spanId);
                }
              }}
            >
              <div
                class="wf-name-col"
                style={{ paddingLeft: `${8 + Math.min(row.depth, 24) * 14}px` }}
              >
                <span class="wf-service" style={{ borderColor: color }}>
                  {span.service}
                </span>
                <span class="wf-span-name" title={span.name}>
                  {span.name}
                </span>
                {marks.length > 0 && (
                  <span class="wf-marks">
                    {marks.map((mark) => (
                      <span
                        key={mark.kind}
                        class={`mark mark-${mark.kind}`}
                        title={mark.detail ?? mark.label}
                      >
                        {mark.label}
                      </span>
                    ))}
                  </span>
                )}
              </div>
              <div class="wf-bar-col">
                {ticks.slice(1, -1).map((tick) => (
                  <span key={tick.pct} class="wf-grid" style={{ left: `${tick.pct}%` }} />
                ))}
                <span
                  class="wf-bar"
                  style={{
                    left: `${row.offsetPct}%`,
                    width: `${row.widthPct}%`,
                    background: color,
                  }}
                />
                {row.eventOffsetsPct.map((pct, i) => (
                  <span
                    key={i}
                    class="wf-event"
                    style={{ left: `${pct}%` }}
                    title={span.events[i]?.name}
                  />
                ))}
                <span
                  class={labelInside ? 'wf-duration inside' : 'wf-duration'}
                  style={
                    labelInside
                      ? { right: `${100 - row.offsetPct - row.widthPct}%`, paddingRight: '6px' }
                      : labelOnLeft
                        ? { right: `${100 - row.offsetPct}%`, paddingRight: '6px' }
                        : { left: `${row.offsetPct + row.widthPct}%`, paddingLeft: '6px' }
                  }
                >
                  {formatDuration(row.durationMs)}
                </span>
              </div>
            </div>
            {isSelected && <SpanDetails row={row} traceStartNano={traceStartNano} />}
          </Fragment>
        );
      })}
    </div>
  );
}
