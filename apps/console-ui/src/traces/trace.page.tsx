import type { LogView, TraceView } from '@junction/console-api';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { LogTable } from '../logs/log.table';
import { useApp, useLiveEvent } from '../shell/app.context';
import { hrefFor } from '../shell/hash.route';
import { formatClock, formatDuration } from '../shared/display.format';
import { EmptyState } from '../shared/empty.state';
import { ProblemAlert } from '../shared/problem.alert';
import { serviceColor } from '../shared/theme';
import { compareNanos } from '../shared/time.nanos';
import { TraceWaterfall } from './trace.waterfall';
import { layoutWaterfall } from './waterfall.layout';

/** One trace: its waterfall across services and its log lines. */
export function TracePage({ traceId }: { traceId: string }) {
  const { api } = useApp();
  const [trace, setTrace] = useState<TraceView | undefined>(undefined);
  const [logs, setLogs] = useState<readonly LogView[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [logError, setLogError] = useState<unknown>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    api.trace(traceId).then(
      (view) => {
        setTrace(view);
        setError(undefined);
      },
      (caught: unknown) => setError(caught),
    );
    api.logs({ traceId }).then(
      // Oldest first here: read alongside the waterfall, top to bottom.
      (lines) => {
        setLogs([...lines].sort((a, b) => compareNanos(a.timeUnixNano, b.timeUnixNano)));
        setLogError(undefined);
      },
      (caught: unknown) => setLogError(caught),
    );
  }, [api, traceId]);
  useEffect(load, [load]);
  // Spans of this trace still arriving (a slow service exports later): refetch.
  useLiveEvent('traces', (incoming) => {
    if (incoming.some((summary) => summary.traceId === traceId)) load();
  });

  const layout = useMemo(() => layoutWaterfall(trace?.spans ?? []), [trace]);
  const start = useMemo(
    () => (trace?.spans ?? []).map((s) => s.startTimeUnixNano).sort(compareNanos)[0] ?? '0',
    [trace],
  );
  const root = layout.rows[0]?.span;
  const errors = layout.rows.filter((row) => row.span.status.code === 'ERROR').length;
  const notFound = error instanceof ApiError && error.status === 404;

  return (
    <section class="page">
      <div class="page-head">
        <a href={hrefFor('traces')} class="back">
          ← Traces
        </a>
        <h1 class="ellipsis">{root ? root.name : 'Trace'}</h1>
        <span class="mono muted" data-testid="trace-id">
          {traceId}
        </span>
      </div>
      {notFound ? (
        <div class="panel">
          <EmptyState>
            No trace <span class="mono">{traceId}</span> in the store: its spans may not have
            arrived yet (export runs about every 500 ms), it was not sampled, or it was evicted.{' '}
            <button type="button" class="btn btn-small" onClick={load}>
              Try again
            </button>
          </EmptyState>
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      {trace && (
        <>
          <div class="summary-bar" data-testid="trace-summary">
            <span>
              Started <b>{formatClock(start)}</b>
            </span>
            <span>
              Duration <b>{formatDuration(layout.durationMs)}</b>
            </span>
            <span>
              Spans <b>{trace.spans.length}</b>
            </span>
            <span class={errors > 0 ? 'bad-text' : undefined}>
              Errors <b>{errors}</b>
            </span>
            <span class="services-legend">
              {layout.services.map((service) => (
                <span key={service} class="legend-service">
                  <span
                    class="swatch"
                    style={{ background: serviceColor(layout.services, service) }}
                  />
                  {service}
                </span>
              ))}
            </span>
          </div>
          <div class="panel panel-flush">
            <TraceWaterfall
              layout={layout}
              traceStartNano={start}
              selected={selected}
              onSelect={setSelected}
            />
          </div>
        </>
      )}
      <div class="panel">
        <div class="panel-title">Logs of this trace</div>
        <ProblemAlert error={logError} />
        {logs.length === 0 ? (
          <EmptyState>No log lines carry this trace id.</EmptyState>
        ) : (
          <LogTable logs={logs} showTrace={false} onSpan={setSelected} />
        )}
      </div>
    </section>
  );
}
