import type { CheckStatus } from '../model';

export type CheckNotifier = (status: CheckStatus, output: string) => void;

/**
 * Consul's StatusHandler: SuccessBeforePassing / FailuresBeforeWarning /
 * FailuresBeforeCritical. Counters start satisfied, so the first result
 * applies at once; after that N consecutive results are needed. Between
 * the warning and critical thresholds a failure reports `warning`.
 */
export class StatusHandler {
  private successes: number;
  private failures: number;
  private readonly beforeWarning: number;

  constructor(
    private readonly notify: CheckNotifier,
    private readonly successBeforePassing = 0,
    failuresBeforeWarning = 0,
    private readonly failuresBeforeCritical = 0,
  ) {
    this.beforeWarning = failuresBeforeWarning || failuresBeforeCritical;
    this.successes = successBeforePassing;
    this.failures = failuresBeforeCritical;
  }

  update(status: CheckStatus, output: string): void {
    if (status === 'passing' || status === 'warning') {
      this.successes++;
      this.failures = 0;
      if (this.successes >= this.successBeforePassing) this.notify(status, output);
      return;
    }
    this.failures++;
    this.successes = 0;
    if (this.failures >= this.failuresBeforeCritical) this.notify(status, output);
    else if (this.failures >= this.beforeWarning) this.notify('warning', output);
  }
}
