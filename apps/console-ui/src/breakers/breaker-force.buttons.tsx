import type { BreakerForce } from '@junction/console-api';

const CHOICES: readonly { force: BreakerForce; label: string; tone: string }[] = [
  { force: 'open', label: 'Force open', tone: 'btn-danger' },
  { force: 'closed', label: 'Force closed', tone: 'btn-good' },
  { force: 'auto', label: 'Auto', tone: '' },
];

/** Force open / Force closed / Auto; the current choice is pressed. */
export function BreakerForceButtons({
  current,
  pending,
  onForce,
  testIdPrefix,
}: {
  current: BreakerForce | 'mixed';
  pending: boolean;
  onForce: (force: BreakerForce) => void;
  testIdPrefix: string;
}) {
  return (
    <span class="btn-group">
      {CHOICES.map(({ force, label, tone }) => (
        <button
          key={force}
          type="button"
          class={`btn btn-small ${tone} ${current === force ? 'pressed' : ''}`}
          aria-pressed={current === force}
          disabled={pending}
          data-testid={`${testIdPrefix}-${force === 'auto' ? 'auto' : `force-${force}`}`}
          onClick={() => onForce(force)}
        >
          {label}
        </button>
      ))}
    </span>
  );
}
