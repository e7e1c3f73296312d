import type { RegistryClock } from '../../time/registry-clock';
import type { CheckDefinition } from '../model';
import type { Probe } from './probe';
import type { StatusHandler } from './status-handler';

/** Consul raises shorter intervals to this (checks.MinInterval). */
export const MIN_INTERVAL_MS = 1000;

/**
 * Runs a probe every Interval (at least 1 s), the first after a random
 * stagger in [0, Interval); the next one is scheduled when a probe ends,
 * as Consul's loops do. Until the first result the check keeps its
 * initial status.
 */
export class IntervalCheck {
  private timer: NodeJS.Timeout | undefined;
  private readonly abort = new AbortController();
  private readonly intervalMs: number;

  constructor(
    private readonly check: CheckDefinition,
    private readonly probe: Probe,
    private readonly handler: StatusHandler,
    private readonly clock: RegistryClock,
    random: () => number = Math.random,
  ) {
    this.intervalMs = Math.max(MIN_INTERVAL_MS, check.Interval / 1e6);
    this.timer = clock.after(random() * this.intervalMs, () => void this.run());
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
  }

  private async run(): Promise<void> {
    const result = await this.probe(this.check, this.abort.signal);
    if (this.abort.signal.aborted) return;
    this.handler.update(result.status, result.output);
    this.timer = this.clock.after(this.intervalMs, () => void this.run());
  }
}
