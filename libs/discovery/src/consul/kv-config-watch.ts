import type { z } from 'zod';
import type { BackoffPolicy } from './backoff';
import { blockingLoop } from './blocking-loop';
import type { KvSource } from './kv-source.port';

export interface KvConfigWatchOptions<S extends z.ZodType> {
  /** e.g. `junction/config/gateway`. */
  readonly key: string;
  readonly source: KvSource;
  /** Validates the JSON; its defaults fill what the key leaves out. */
  readonly schema: S;
  readonly waitMs: number;
  readonly backoff: BackoffPolicy;
  readonly onChange?: (config: z.output<S>) => void;
  /** A value that is not valid JSON or fails the schema: refused, the last good config stays. */
  readonly onInvalid?: (problem: string) => void;
  readonly onError?: (error: unknown, failures: number) => void;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Before the first answer: unlike any value the key can hold (absent included). */
const NOT_READ = Symbol('NOT_READ');

/**
 * Runtime configuration from one Consul KV key holding JSON, applied without
 * a restart. No key means the defaults; an invalid value is refused with a
 * reason and the last good configuration stays in force. The watch wakes on
 * writes to other keys too; only a value that differs from the last one read
 * is applied (or refused) again.
 */
export class KvConfigWatch<S extends z.ZodType> {
  private value: z.output<S>;
  private lastRaw: string | undefined | typeof NOT_READ = NOT_READ;
  private readonly stopper = new AbortController();
  private readonly done: Promise<void>;

  constructor(private readonly options: KvConfigWatchOptions<S>) {
    this.value = options.schema.parse({});
    const { key, source, waitMs } = options;
    this.done = blockingLoop({
      ...options,
      burst: 2,
      minIntervalMs: 1000,
      signal: this.stopper.signal,
      read: async (index, signal) => {
        const answer = await source(key, index, waitMs, signal);
        return { index: answer.index, value: answer.value };
      },
      onAnswer: (raw, changed) => {
        if (!changed || raw === this.lastRaw) return;
        this.lastRaw = raw;
        this.apply(raw);
      },
      onError: (error, failures) => options.onError?.(error, failures),
    });
  }

  /** The configuration in force. */
  get current(): z.output<S> {
    return this.value;
  }

  /** True once the first answer came (an absent key included), valid or not. */
  get loaded(): boolean {
    return this.lastRaw !== NOT_READ;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.done;
  }

  private apply(raw: string | undefined): void {
    let json: unknown = {};
    if (raw !== undefined && raw.trim() !== '') {
      try {
        json = JSON.parse(raw);
      } catch (error) {
        this.options.onInvalid?.(`${this.options.key} is not JSON: ${(error as Error).message}`);
        return;
      }
    }
    const parsed = this.options.schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
      );
      this.options.onInvalid?.(`${this.options.key} refused: ${problems.join('; ')}`);
      return;
    }
    this.value = parsed.data;
    this.options.onChange?.(this.value);
  }
}
