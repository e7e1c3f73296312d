import type { BreakerForce, BreakerView } from '@junction/console-api';
import { ProblemAlert } from '../shared/problem.alert';
import { StatusBadge } from '../shared/status.badge';
import { useWrite } from '../shared/write.hook';
import { BreakerForceButtons } from './breaker-force.buttons';

/** One caller instance's breaker for one upstream method. */
export function BreakerRow({
  breaker,
  onForce,
}: {
  breaker: BreakerView;
  onForce: (command: { state: BreakerForce; method: string }) => Promise<unknown>;
}) {
  const write = useWrite();
  return (
    <>
      <tr
        data-testid="breaker-row"
        data-caller={breaker.caller}
        data-caller-instance={breaker.callerInstance}
        data-upstream={breaker.upstream}
        data-method={breaker.method}
        data-state={breaker.state}
        data-forced={breaker.forced}
      >
        <td>{breaker.caller}</td>
        <td class="mono muted">{breaker.callerInstance}</td>
        <td class="mono">{breaker.method}</td>
        <td>
          <StatusBadge status={breaker.state} />
        </td>
        <td>
          <StatusBadge
            status={breaker.forced === 'auto' ? 'auto' : `forced ${breaker.forced}`}
            tone={breaker.forced === 'auto' ? 'muted' : 'info'}
          />
        </td>
        <td class="actions">
          <BreakerForceButtons
            current={breaker.forced}
            pending={write.pending}
            testIdPrefix="breaker"
            onForce={(state) => void write.run(() => onForce({ state, method: breaker.method }))}
          />
        </td>
      </tr>
      {write.error !== undefined && (
        <tr class="row-problem">
          <td colSpan={6}>
            <ProblemAlert error={write.error} onDismiss={write.clear} />
          </td>
        </tr>
      )}
    </>
  );
}
