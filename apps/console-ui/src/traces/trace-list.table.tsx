import type { TraceSummary } from '@junction/console-api';
import { hrefFor } from '../shell/hash.route';
import { formatClock, formatDuration } from '../shared/display.format';
import { StatusBadge } from '../shared/status.badge';

/** Traces newest first; the bar compares durations within the list. */
export function TraceListTable({ traces }: { traces: readonly TraceSummary[] }) {
  const longest = Math.max(1, ...traces.map((t) => t.durationMs));
  return (
    <table class="table" data-testid="trace-list">
      <thead>
        <tr>
          <th style={{ width: '104px' }}>Time</th>
          <th>Root span</th>
          <th style={{ width: '15%' }}>Route</th>
          <th style={{ width: '150px' }}>Duration</th>
          <th class="num" style={{ width: '56px' }}>
            Spans
          </th>
          <th style={{ width: '20%' }}>Services</th>
          <th style={{ width: '150px' }}>Status</th>
          <th style={{ width: '96px' }}>Trace id</th>
        </tr>
      </thead>
      <tbody>
        {traces.map((trace) => {
          const href = hrefFor('traces', { traceId: trace.traceId });
          return (
            <tr
              key={trace.traceId}
              data-testid="trace-row"
              data-trace-id={trace.traceId}
              data-status={trace.status}
            >
              <td class="mono muted">{formatClock(trace.startTimeUnixNano)}</td>
              <td class="ellipsis">
                <a href={href} title={`${trace.rootService}: ${trace.rootName}`}>
                  {trace.rootName}
                </a>
                <span class="muted small"> {trace.rootService}</span>
              </td>
              <td class="mono ellipsis">{trace.route ?? ''}</td>
              <td>
                <div class="duration-cell">
                  <span class="duration-track">
                    <span
                      class="duration-bar"
                      style={{ width: `${(trace.durationMs / longest) * 100}%` }}
                    />
                  </span>
                  <span class="duration-text">{formatDuration(trace.durationMs)}</span>
                </div>
              </td>
              <td class="num">{trace.spanCount}</td>
              <td class="ellipsis">
                {trace.services.map((service) => (
                  <span class="chip" key={service}>
                    {service}
                  </span>
                ))}
              </td>
              <td
                class="ellipsis"
                title={trace.degraded.length ? `degraded: ${trace.degraded.join(', ')}` : undefined}
              >
                <StatusBadge status={trace.status} />
                {trace.degraded.length > 0 && (
                  <span class="muted small"> {trace.degraded.join(', ')}</span>
                )}
              </td>
              <td class="mono">
                <a href={href} title={trace.traceId}>
                  {trace.traceId.slice(0, 8)}…
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
