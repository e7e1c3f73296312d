import type { LogLevel, LogView } from '@junction/console-api';
import { levelRank } from './severity';

export interface LogFilter {
  readonly traceId?: string;
  readonly service?: string;
  /** The lowest level shown. */
  readonly level?: LogLevel;
  /** Case-insensitive text in the message. */
  readonly q?: string;
  readonly limit: number;
}

export interface LogStoreStats {
  readonly logs: number;
  readonly logCapacity: number;
  readonly evictedLogs: number;
}

/**
 * Log lines in a ring of fixed capacity (the oldest line makes room), with
 * an index by trace id so a trace's waterfall finds its lines at once.
 */
export class LogStore {
  private readonly ring: (LogView | undefined)[];
  /** Sequence number of the next line; line n sits at n % capacity. */
  private next = 0;
  private readonly byTrace = new Map<string, number[]>();

  constructor(readonly capacity: number) {
    this.ring = new Array<LogView | undefined>(capacity);
  }

  add(logs: readonly LogView[]): void {
    for (const log of logs) {
      const slot = this.next % this.capacity;
      const old = this.ring[slot];
      if (old?.traceId !== undefined) this.dropFromIndex(old.traceId, this.next - this.capacity);
      this.ring[slot] = log;
      if (log.traceId !== undefined) {
        const seqs = this.byTrace.get(log.traceId);
        if (seqs) seqs.push(this.next);
        else this.byTrace.set(log.traceId, [this.next]);
      }
      this.next += 1;
    }
  }

  /** Lines matching `filter`, newest first. */
  list(filter: LogFilter): LogView[] {
    const q = filter.q?.toLowerCase();
    const minRank = filter.level === undefined ? 0 : levelRank(filter.level);
    const matches = (log: LogView) =>
      (filter.service === undefined || log.service === filter.service) &&
      (filter.traceId === undefined || log.traceId === filter.traceId) &&
      levelRank(log.level) >= minRank &&
      (q === undefined || log.message.toLowerCase().includes(q));
    const out: LogView[] = [];
    for (const seq of this.newestFirst(filter.traceId)) {
      const log = this.ring[seq % this.capacity];
      if (log && matches(log)) out.push(log);
      if (out.length >= filter.limit) break;
    }
    return out;
  }

  /** The sequence number of the next line: a cursor for since(). */
  get cursor(): number {
    return this.next;
  }

  /** Lines added after `cursor`, newest first, at most `limit`. */
  since(cursor: number, limit: number): LogView[] {
    const from = Math.max(cursor, this.next - this.capacity, this.next - limit, 0);
    const out: LogView[] = [];
    for (let seq = this.next - 1; seq >= from; seq -= 1) {
      const log = this.ring[seq % this.capacity];
      if (log) out.push(log);
    }
    return out;
  }

  stats(): LogStoreStats {
    return {
      logs: Math.min(this.next, this.capacity),
      logCapacity: this.capacity,
      evictedLogs: Math.max(0, this.next - this.capacity),
    };
  }

  private *newestFirst(traceId: string | undefined): Iterable<number> {
    if (traceId !== undefined) {
      yield* [...(this.byTrace.get(traceId) ?? [])].reverse();
      return;
    }
    const oldest = Math.max(0, this.next - this.capacity);
    for (let seq = this.next - 1; seq >= oldest; seq -= 1) yield seq;
  }

  private dropFromIndex(traceId: string, seq: number): void {
    const seqs = this.byTrace.get(traceId);
    if (!seqs) return;
    // Lines leave in the order they came, so the evicted one is the first.
    if (seqs[0] === seq) seqs.shift();
    if (seqs.length === 0) this.byTrace.delete(traceId);
  }
}
