import type { RegistryClock } from '../time/registry-clock';
import type { CheckRecord } from './model';

/** Consul's default check_update_interval. */
export const CHECK_UPDATE_INTERVAL_MS = 5 * 60_000;

/**
 * Output-only check updates reach the catalog late (§3.6): the first one
 * arms a timer of interval/2 + random(0, interval); later ones ride on it;
 * a status change syncs everything at once and cancels it. Health reads
 * can therefore show an older Output than /v1/agent/checks.
 */
export class OutputDeferral {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly clock: RegistryClock,
    private readonly flush: (check: CheckRecord) => void,
    private readonly random: () => number = Math.random,
  ) {}

  arm(check: CheckRecord): void {
    if (this.timers.has(check.CheckID)) return;
    const delay = CHECK_UPDATE_INTERVAL_MS / 2 + this.random() * CHECK_UPDATE_INTERVAL_MS;
    const timer = this.clock.after(delay, () => {
      this.timers.delete(check.CheckID);
      this.flush(check);
    });
    this.timers.set(check.CheckID, timer);
  }

  cancel(checkId: string): void {
    clearTimeout(this.timers.get(checkId));
    this.timers.delete(checkId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
