import type { LogView } from '@junction/console-api';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { hrefFor } from '../shell/hash.route';
import { formatAttribute, formatClock } from '../shared/display.format';

const rowKey = (log: LogView, i: number) => `${log.timeUnixNano}/${log.service}/${i}`;

/** Log lines as text; click a line for its attributes. */
export function LogTable({
  logs,
  showTrace = true,
  onSpan,
}: {
  logs: readonly LogView[];
  showTrace?: boolean;
  /** When set, a line's span id selects that span (the trace page). */
  onSpan?: (spanId: string) => void;
}) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  return (
    <table class="table logs" data-testid="log-table">
      <thead>
        <tr>
          <th style={{ width: '112px' }}>Time</th>
          <th style={{ width: '96px' }}>Service</th>
          <th style={{ width: '56px' }}>Level</th>
          <th>Message</th>
          {showTrace && <th style={{ width: '110px' }}>Trace</th>}
          {onSpan && <th style={{ width: '140px' }}>Span</th>}
        </tr>
      </thead>
      <tbody>
        {logs.map((log, i) => {
          const key = rowKey(log, i);
          const spanId = log.spanId;
          const attributes = Object.entries(log.attributes);
          return (
            <Fragment key={key}>
              <tr
                class={`log-row log-${log.level}${open === key ? ' selected' : ''}`}
                data-testid="log-row"
                data-service={log.service}
                data-level={log.level}
                onClick={() => setOpen(open === key ? undefined : key)}
              >
                <td class="mono muted">{formatClock(log.timeUnixNano)}</td>
                <td>{log.service}</td>
                <td>
                  <span class={`level level-${log.level}`}>{log.level}</span>
                </td>
                <td class="mono log-message">{log.message}</td>
                {showTrace && (
                  <td class="mono">
                    {log.traceId ? (
                      <a
                        href={hrefFor('traces', { traceId: log.traceId })}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {log.traceId.slice(0, 10)}…
                      </a>
                    ) : (
                      ''
                    )}
                  </td>
                )}
                {onSpan && (
                  <td class="mono">
                    {spanId ? (
                      <button
                        type="button"
                        class="link-button"
                        onClick={(e) => {
                          e.stopPropagation();
                          onSpan(spanId);
                        }}
                      >
                        {spanId}
                      </button>
                    ) : (
                      ''
                    )}
                  </td>
                )}
              </tr>
              {open === key && (
                <tr class="log-attributes">
                  <td colSpan={4 + (showTrace ? 1 : 0) + (onSpan ? 1 : 0)}>
                    {attributes.length === 0 ? (
                      <span class="muted small">no attributes</span>
                    ) : (
                      <table class="kv">
                        <tbody>
                          {attributes.map(([name, value]) => (
                            <tr key={name}>
                              <th class="mono">{name}</th>
                              <td class="mono">{formatAttribute(value)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
