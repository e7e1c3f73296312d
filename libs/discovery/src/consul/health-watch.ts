import type { ServiceInstance } from '../service-resolver.port';
import type { BackoffPolicy } from './backoff';
import { blockingLoop } from './blocking-loop';
import { healthEntries, toInstances } from './health-entry.schema';
import type { HealthSource } from './health-source.port';

export type WatchState = 'unknown' | 'ok' | 'stale';

export interface HealthWatchOptions {
  readonly service: string;
  readonly source: HealthSource;
  /** How long one blocking read may wait for a change. */
  readonly waitMs: number;
  readonly backoff: BackoffPolicy;
  /** Reads that answered without a change, back to back, before the loop slows down. */
  readonly burst: number;
  /** The pause after `burst` unchanged quick answers, so the loop never spins. */
  readonly minIntervalMs: number;
  readonly onChange?: (instances: readonly ServiceInstance[]) => void;
  readonly onError?: (error: unknown, failures: number) => void;
  /** Injectable for tests; default: a real, abortable timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

/**
 * Keeps the passing instances of one service current with a blocking-query
 * loop. When the registry can't be reached it keeps serving the last known
 * good list (state 'stale', with the time of the last success), which is not
 * the same as the registry saying there are none (state 'ok', empty list).
 */
export class HealthWatch {
  private list: readonly ServiceInstance[] = [];
  private current: WatchState = 'unknown';
  private lastSuccess = 0;
  private readonly stopper = new AbortController();
  private readonly done: Promise<void>;

  constructor(options: HealthWatchOptions) {
    const { service, source, waitMs } = options;
    this.done = blockingLoop({
      ...options,
      signal: this.stopper.signal,
      read: async (index, signal) => {
        const answer = await source(service, index, waitMs, signal);
        // A malformed answer is a failure: the last good list stays.
        const parsed = healthEntries.safeParse(answer.body);
        if (!parsed.success) {
          throw new Error(
            `malformed health answer for ${service}: ${parsed.error.issues[0]?.message}`,
          );
        }
        return { index: answer.index, value: toInstances(parsed.data) };
      },
      onAnswer: (instances, changed) => {
        this.lastSuccess = Date.now();
        this.current = 'ok';
        this.list = instances;
        if (changed) options.onChange?.(instances);
      },
      onError: (error, failures) => {
        if (this.current === 'ok') this.current = 'stale';
        options.onError?.(error, failures);
      },
    });
  }

  get instances(): readonly ServiceInstance[] {
    return this.list;
  }
  get state(): WatchState {
    return this.current;
  }
  /** Epoch ms of the last answer from the registry (0: none yet). */
  get lastSuccessAt(): number {
    return this.lastSuccess;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.done;
  }
}
