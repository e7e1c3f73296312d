import { setTimeout as delay } from 'node:timers/promises';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { nextIndex } from './blocking-index';

/** One answer of a blocking read: the raw index and the value read. */
export interface BlockingAnswer<T> {
  readonly index: bigint;
  readonly value: T;
}

export interface BlockingLoopOptions<T> {
  /** One blocking read at `index` (0n: answer at once). Rejects on any failure. */
  readonly read: (index: bigint, signal: AbortSignal) => Promise<BlockingAnswer<T>>;
  /** Every successful answer; `changed` is false when the index stayed put (a wait that timed out). */
  readonly onAnswer: (value: T, changed: boolean) => void;
  readonly onError: (error: unknown, failures: number) => void;
  readonly backoff: BackoffPolicy;
  /** Unchanged answers that came back at once, in a row, before the loop pauses. */
  readonly burst: number;
  /** The pause after `burst` such answers, so the loop never spins. */
  readonly minIntervalMs: number;
  readonly signal: AbortSignal;
  /** Injectable for tests; default: a real, abortable timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

/**
 * The loop every Consul watch runs, by the rules in Consul's docs: the index
 * of each answer is the next read's (never 0, reset when it goes backwards),
 * failures back off exponentially with jitter up to a cap, and answers that
 * come back at once without a change are rate-limited.
 */
export async function blockingLoop<T>(options: BlockingLoopOptions<T>): Promise<void> {
  const { read, signal, backoff, burst, minIntervalMs, sleep = pause, random } = options;
  let index = 0n;
  let failures = 0;
  let quickUnchanged = 0;
  while (!signal.aborted) {
    const started = Date.now();
    try {
      const answer = await read(index, signal);
      const previous = index;
      index = nextIndex(index, answer.index);
      failures = 0;
      const changed = index !== previous;
      options.onAnswer(answer.value, changed);
      if (changed) quickUnchanged = 0;
      else if (Date.now() - started < minIntervalMs && ++quickUnchanged >= burst) {
        quickUnchanged = 0;
        await sleep(minIntervalMs, signal);
      }
    } catch (error) {
      if (signal.aborted) break;
      failures += 1;
      options.onError(error, failures);
      await sleep(backoffDelay(failures, backoff, random), signal);
    }
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  delay(ms, undefined, { signal }).catch(() => undefined);
