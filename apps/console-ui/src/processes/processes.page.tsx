import type { ProcessView } from '@junction/console-api';
import { useApp, useLive } from '../shell/app.context';
import { formatDateTime, formatSince } from '../shared/display.format';
import { EmptyState } from '../shared/empty.state';
import { ProblemAlert } from '../shared/problem.alert';
import { StatusBadge } from '../shared/status.badge';
import { useWrite } from '../shared/write.hook';

function exitText(process: ProcessView): string {
  if (process.state === 'running' || process.state === 'starting') return '–';
  if (process.signal) return `signal ${process.signal}`;
  if (process.exitCode !== undefined && process.exitCode !== null)
    return `code ${process.exitCode}`;
  return '–';
}

function ProcessRow({ process }: { process: ProcessView }) {
  const { api, live } = useApp();
  const write = useWrite();
  const restart = () =>
    void write.run(async () => {
      const view = await api.restartProcess(process.name);
      if (view) live.dispatch({ type: 'process', process: view });
    });
  return (
    <>
      <tr data-testid="process-row" data-name={process.name} data-state={process.state}>
        <td class="service-name">{process.name}</td>
        <td>
          <StatusBadge status={process.state} />
        </td>
        <td class="mono">{process.pid ?? '–'}</td>
        <td class={process.state === 'exited' ? 'mono bad-text' : 'mono'}>{exitText(process)}</td>
        <td class="num">{process.restarts}</td>
        <td class="mono muted">{process.startedAt ? formatDateTime(process.startedAt) : '–'}</td>
        <td class="num">
          {process.startedAt && process.state === 'running'
            ? formatSince(process.startedAt, Date.now())
            : '–'}
        </td>
        <td class="actions">
          <button
            type="button"
            class={process.state === 'exited' ? 'btn btn-small btn-primary' : 'btn btn-small'}
            data-testid="process-restart"
            data-name={process.name}
            disabled={write.pending || process.state === 'starting' || process.state === 'stopping'}
            onClick={restart}
          >
            {write.pending ? 'Restarting…' : 'Restart'}
          </button>
        </td>
      </tr>
      {write.error !== undefined && (
        <tr class="row-problem">
          <td colSpan={8}>
            <ProblemAlert error={write.error} onDismiss={write.clear} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The processes `npm start` runs: one exiting leaves the rest up, and it can be restarted here. */
export function ProcessesPage() {
  const { processes } = useLive();
  const exited = (processes ?? []).filter((p) => p.state === 'exited').length;
  return (
    <section class="page">
      <div class="page-head">
        <h1>Processes</h1>
        <span class="muted">Started by npm start</span>
        {exited > 0 && <StatusBadge status={`${exited} exited`} tone="bad" />}
      </div>
      {!processes && <EmptyState>Waiting for the launcher…</EmptyState>}
      {processes && processes.length === 0 && (
        <EmptyState>The console was not started by npm start: no processes to show.</EmptyState>
      )}
      {processes && processes.length > 0 && (
        <div class="panel">
          <table class="table" data-testid="process-table">
            <thead>
              <tr>
                <th style={{ width: '16%' }}>Process</th>
                <th style={{ width: '10%' }}>State</th>
                <th style={{ width: '9%' }}>PID</th>
                <th style={{ width: '14%' }}>Exit</th>
                <th class="num" style={{ width: '8%' }}>
                  Restarts
                </th>
                <th>Started</th>
                <th class="num" style={{ width: '10%' }}>
                  Uptime
                </th>
                <th style={{ width: '120px' }} />
              </tr>
            </thead>
            <tbody>
              {processes.map((process) => (
                <ProcessRow key={process.name} process={process} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
