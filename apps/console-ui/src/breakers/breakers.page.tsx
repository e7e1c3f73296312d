import type { BreakerCommand } from '@junction/console-api';
import { useMemo } from 'preact/hooks';
import { useApp, useLive } from '../shell/app.context';
import { EmptyState } from '../shared/empty.state';
import { ProblemAlert } from '../shared/problem.alert';
import { StatusBadge } from '../shared/status.badge';
import { useWrite } from '../shared/write.hook';
import { BreakerForceButtons } from './breaker-force.buttons';
import { groupBreakers, type BreakerGroup } from './breaker.groups';
import { BreakerRow } from './breaker.row';

/** Breakers per caller × upstream method; forcing one writes `junction/breakers/<upstream>`. */
export function BreakersPage() {
  const { services } = useLive();
  const groups = useMemo(() => groupBreakers(services?.breakers ?? []), [services]);
  return (
    <section class="page">
      <div class="page-head">
        <h1>Circuit breakers</h1>
        <span class="muted">
          As each caller sees them; a forced state is obeyed by every caller of the upstream
        </span>
      </div>
      {!services && <EmptyState>Waiting for the console…</EmptyState>}
      {services && groups.length === 0 && (
        <EmptyState>No breakers reported yet: they appear after the first calls.</EmptyState>
      )}
      {groups.map((group) => (
        <UpstreamBreakers key={group.upstream} group={group} />
      ))}
    </section>
  );
}

function UpstreamBreakers({ group }: { group: BreakerGroup }) {
  const { api, live } = useApp();
  const write = useWrite();
  const force = async (command: BreakerCommand) => {
    await api.forceBreaker(group.upstream, command);
    // Show the new forced value now rather than at the next push.
    const services = await api.services().catch(() => undefined);
    if (services) live.dispatch({ type: 'services', data: services });
  };
  return (
    <div class="panel" data-testid="breaker-upstream" data-upstream={group.upstream}>
      <div class="panel-title">
        <span class="service-name">{group.upstream}</span>
        {group.open > 0 && <StatusBadge status={`${group.open} open`} tone="bad" />}
        {group.halfOpen > 0 && <StatusBadge status={`${group.halfOpen} half-open`} tone="warn" />}
        {group.open === 0 && group.halfOpen === 0 && (
          <StatusBadge status="all closed" tone="good" />
        )}
        <span class="spacer" />
        <span class="muted">All methods:</span>
        <BreakerForceButtons
          current={group.forced}
          pending={write.pending}
          testIdPrefix="breaker-upstream"
          onForce={(state) => void write.run(() => force({ state }))}
        />
      </div>
      <ProblemAlert error={write.error} onDismiss={write.clear} />
      <table class="table">
        <thead>
          <tr>
            <th style={{ width: '12%' }}>Caller</th>
            <th style={{ width: '22%' }}>Caller instance</th>
            <th>Method</th>
            <th style={{ width: '9%' }}>State</th>
            <th style={{ width: '11%' }}>Forced</th>
            <th style={{ width: '260px' }} />
          </tr>
        </thead>
        <tbody>
          {group.rows.map((breaker) => (
            <BreakerRow
              key={`${breaker.callerInstance}/${breaker.method}`}
              breaker={breaker}
              onForce={(command) => force(command)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
