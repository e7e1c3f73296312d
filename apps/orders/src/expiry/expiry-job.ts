import { Logger } from '@nestjs/common';
import type { IdempotencyKeys } from '../domain/idempotency-keys.port';
import type { ReservationExpiry } from '../domain/reservation-expiry.use-case';

/** Expired idempotency keys forgotten per sweep: the table stays bounded by a day of keys. */
const KEY_PRUNE_BATCH = 5000;

/**
 * Runs ReservationExpiry, then forgets expired idempotency keys, every `intervalMs` while started: the first sweep
 * at once, the next one an interval after the previous ended, so sweeps
 * never overlap. stop() interrupts a sweep between two orders and waits
 * for it.
 */
export class ExpiryJob {
  private readonly logger = new Logger('ReservationExpiry');
  private run?: { readonly stopper: AbortController; readonly done: Promise<void> };

  constructor(
    private readonly expiry: ReservationExpiry,
    private readonly intervalMs: number,
    private readonly keys: Pick<IdempotencyKeys, 'prune'>,
  ) {}

  get running(): boolean {
    return this.run !== undefined;
  }

  start(): void {
    if (this.run) return;
    const stopper = new AbortController();
    this.run = { stopper, done: this.loop(stopper.signal) };
  }

  async stop(): Promise<void> {
    const run = this.run;
    this.run = undefined;
    run?.stopper.abort();
    await run?.done;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const { released, failed } = await this.expiry.sweep(signal);
        if (released.length || failed.length) {
          this.logger.log(
            `released the stock of ${released.length} expired orders (${failed.length} to retry)`,
          );
        }
        if (!signal.aborted) await this.keys.prune(KEY_PRUNE_BATCH);
      } catch (error) {
        this.logger.warn(`sweep failed: ${(error as Error).message}`);
      }
      await pause(this.intervalMs, signal);
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
