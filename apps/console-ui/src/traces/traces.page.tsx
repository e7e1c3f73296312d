import type { TraceSummary } from '@junction/console-api';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { mergeTraces } from '../live.reducer';
import { useApp, useLive, useLiveEvent } from '../shell/app.context';
import { hrefFor } from '../shell/hash.route';
import { navigate } from '../shell/hash-route.hook';
import { EmptyState } from '../shared/empty.state';
import { traceFilterFrom, traceMatches, type TraceFilter } from '../shared/filter.query';
import { ProblemAlert } from '../shared/problem.alert';
import { TraceFilterForm } from './trace-filter.form';
import { TraceListTable } from './trace-list.table';

const LIMIT = 200;

/** Recent traces matching the filters in the address, new ones added as they arrive. */
export function TracesPage({ params }: { params: Readonly<Record<string, string>> }) {
  const { api } = useApp();
  const live = useLive();
  const filter = useMemo(() => traceFilterFrom(params), [params]);
  const [traces, setTraces] = useState<readonly TraceSummary[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState<readonly TraceSummary[]>([]);
  // Traces pushed while the list is being fetched, which its answer may predate.
  const arrived = useRef<TraceSummary[] | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setHeld([]);
    arrived.current = [];
    api
      .traces({ ...filter, limit: LIMIT })
      .then((list) => {
        if (!current) return;
        setTraces(mergeTraces(list.traces, arrived.current ?? [], LIMIT));
        arrived.current = undefined;
        setError(undefined);
      })
      .catch((caught: unknown) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, filter]);

  useLiveEvent('traces', (incoming) => {
    const matching = incoming.filter((trace) => traceMatches(trace, filter));
    if (matching.length === 0) return;
    arrived.current?.push(...matching);
    if (paused) setHeld((previous) => mergeTraces(previous, matching, LIMIT));
    else setTraces((previous) => mergeTraces(previous, matching, LIMIT));
  });

  const resume = () => {
    setTraces((previous) => mergeTraces(previous, held, LIMIT));
    setHeld([]);
    setPaused(false);
  };
  const services = useMemo(
    () =>
      [
        ...new Set([
          ...(live.services?.services.map((s) => s.name) ?? []),
          ...traces.flatMap((t) => t.services),
        ]),
      ].sort(),
    [live.services, traces],
  );
  const routes = useMemo(
    () => [...new Set((live.routes ?? []).map((r) => r.route))].sort(),
    [live.routes],
  );
  const change = (next: TraceFilter) =>
    navigate(hrefFor('traces', { params: { ...next, minDurationMs: next.minDurationMs } }), {
      replace: true,
    });

  return (
    <section class="page">
      <div class="page-head">
        <h1>Traces</h1>
        <span class="muted">{loading ? 'Loading…' : `${traces.length} traces, newest first`}</span>
        <span class="spacer" />
        {paused ? (
          <button type="button" class="btn btn-small" onClick={resume} data-testid="traces-resume">
            Resume{held.length > 0 ? ` (${held.length} new)` : ''}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn-small"
            onClick={() => setPaused(true)}
            data-testid="traces-pause"
          >
            Pause
          </button>
        )}
      </div>
      <div class="panel">
        <TraceFilterForm filter={filter} services={services} routes={routes} onChange={change} />
      </div>
      <ProblemAlert error={error} />
      <div class="panel">
        {traces.length === 0 && !loading ? (
          <EmptyState>No traces match these filters yet.</EmptyState>
        ) : (
          <TraceListTable traces={traces} />
        )}
      </div>
    </section>
  );
}
