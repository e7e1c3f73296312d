import type { LogView } from '@junction/console-api';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { mergeLogs } from '../live.reducer';
import { useApp, useLive, useLiveEvent } from '../shell/app.context';
import { hrefFor } from '../shell/hash.route';
import { navigate } from '../shell/hash-route.hook';
import { EmptyState } from '../shared/empty.state';
import { logFilterFrom, logMatches, type LogFilter } from '../shared/filter.query';
import { ProblemAlert } from '../shared/problem.alert';
import { LogFilterForm } from './log-filter.form';
import { LogTable } from './log.table';

const LIMIT = 500;

const logKey = (log: LogView): string => `${log.timeUnixNano} ${log.service} ${log.message}`;

/** Every process's log lines, newest first, filtered by the address's service/level/text. */
export function LogsPage({ params }: { params: Readonly<Record<string, string>> }) {
  const { api } = useApp();
  const live = useLive();
  const filter = useMemo(() => logFilterFrom(params), [params]);
  const [logs, setLogs] = useState<readonly LogView[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [paused, setPaused] = useState(false);
  // Lines pushed while the list is being fetched: kept unless the answer already has them.
  const arrived = useRef<LogView[] | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setLoading(true);
    arrived.current = [];
    api
      .logs({ ...filter, limit: LIMIT })
      .then((lines) => {
        if (!current) return;
        const known = new Set(lines.map(logKey));
        const missing = (arrived.current ?? []).filter((log) => !known.has(logKey(log)));
        setLogs(mergeLogs(lines, missing, LIMIT));
        arrived.current = undefined;
        setError(undefined);
      })
      .catch((caught: unknown) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, filter]);

  useLiveEvent('logs', (incoming) => {
    if (paused) return;
    const matching = incoming.filter((log) => logMatches(log, filter));
    arrived.current?.push(...matching);
    if (matching.length) setLogs((previous) => mergeLogs(previous, matching, LIMIT));
  });

  const services = useMemo(
    () =>
      [
        ...new Set([
          ...(live.processes ?? []).map((p) => p.name),
          ...(live.services?.services ?? []).map((s) => s.name),
          ...logs.map((l) => l.service),
        ]),
      ].sort(),
    [live.processes, live.services, logs],
  );
  const change = (next: LogFilter) =>
    navigate(hrefFor('logs', { params: { ...next } }), { replace: true });

  return (
    <section class="page">
      <div class="page-head">
        <h1>Logs</h1>
        <span class="muted">{loading ? 'Loading…' : `${logs.length} lines, newest first`}</span>
        <span class="spacer" />
        <button
          type="button"
          class="btn btn-small"
          onClick={() => setPaused(!paused)}
          data-testid="logs-pause"
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
      </div>
      <div class="panel">
        <LogFilterForm filter={filter} services={services} onChange={change} />
      </div>
      <ProblemAlert error={error} />
      <div class="panel">
        {logs.length === 0 && !loading ? (
          <EmptyState>No log lines match.</EmptyState>
        ) : (
          <LogTable logs={logs} />
        )}
      </div>
    </section>
  );
}
