import type { CheckStatus } from '../model';
import { StatusHandler } from './status-handler';

describe('StatusHandler thresholds', () => {
  const run = (
    handler: (n: (s: CheckStatus, o: string) => void) => StatusHandler,
    results: CheckStatus[],
  ) => {
    const seen: string[] = [];
    const h = handler((status) => seen.push(status));
    for (const r of results) h.update(r, '');
    return seen;
  };

  it('applies the first result at once, then needs N consecutive ones', () => {
    const seen = run(
      (n) => new StatusHandler(n, 2, 0, 3),
      ['passing', 'critical', 'critical', 'critical', 'passing', 'passing'],
    );
    expect(seen).toEqual(['passing', 'critical', 'passing']);
  });

  it('reports warning between FailuresBeforeWarning and FailuresBeforeCritical', () => {
    const seen = run(
      (n) => new StatusHandler(n, 0, 1, 3),
      ['passing', 'critical', 'critical', 'critical'],
    );
    expect(seen).toEqual(['passing', 'warning', 'warning', 'critical']);
  });

  it('passes every result through without thresholds', () => {
    expect(run((n) => new StatusHandler(n), ['critical', 'warning', 'passing'])).toEqual([
      'critical',
      'warning',
      'passing',
    ]);
  });
});
