import { request } from 'node:http';
import type { OutputStream } from '../process/managed-process';
import { logRecordFromLine, type OtlpLogRecord } from './pino-log-record';

export interface LogForwarderOptions {
  /** The receiver's base URL; lines go to `${url}/v1/logs`. */
  readonly url: string;
  /** Sent as x-otlp-api-key when set. */
  readonly apiKey?: string;
  /** The longest a line waits before it is sent. */
  readonly flushIntervalMs?: number;
  /** Lines held at most; past it the oldest are dropped (and counted). */
  readonly maxQueue?: number;
  readonly maxBatch?: number;
  readonly requestTimeoutMs?: number;
  /** Told once when delivery starts failing, and once when it recovers. */
  readonly onDeliveryChange?: (message: string) => void;
}

export interface LogForwarderStats {
  readonly sent: number;
  /** Lines dropped: queue full, or in a batch the receiver did not take. */
  readonly dropped: number;
  readonly failedBatches: number;
}

/** One output line, mapped, waiting to be sent. */
export interface ForwardedLine {
  readonly service: string;
  readonly record: OtlpLogRecord;
}

const SCOPE = { name: '@junction/launcher' };

/** An OTLP/JSON ExportLogsServiceRequest, one ResourceLogs per process. */
export function exportLogsRequest(batch: readonly ForwardedLine[]) {
  const byService = new Map<string, OtlpLogRecord[]>();
  for (const { service, record } of batch) {
    const records = byService.get(service) ?? [];
    records.push(record);
    byService.set(service, records);
  }
  return {
    resourceLogs: [...byService].map(([service, logRecords]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeLogs: [{ scope: SCOPE, logRecords }],
    })),
  };
}

/**
 * Forwards every output line of the launched processes to an OTLP/HTTP logs
 * receiver (the console), in batches at most `flushIntervalMs` apart. push()
 * never waits: lines queue (bounded) while one request is in flight, and a
 * receiver that is down costs counted, dropped lines, never a stalled launcher.
 */
export class OtlpLogForwarder {
  private queue: ForwardedLine[] = [];
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private paused: boolean;
  private failing = false;
  private counts = { sent: 0, dropped: 0, failedBatches: 0 };
  private readonly endpoint: URL;

  constructor(
    private readonly options: LogForwarderOptions,
    { paused = false }: { paused?: boolean } = {},
  ) {
    this.endpoint = new URL('/v1/logs', options.url);
    this.paused = paused;
  }

  get stats(): LogForwarderStats {
    return { ...this.counts };
  }

  push(service: string, line: string, stream: OutputStream): void {
    this.queue.push({ service, record: logRecordFromLine(line, stream) });
    const overflow = this.queue.length - (this.options.maxQueue ?? 10_000);
    if (overflow > 0) {
      this.queue.splice(0, overflow);
      this.counts.dropped += overflow;
    }
    this.schedule();
  }

  /** Starts sending (lines pushed while paused were kept, up to the bound). */
  resume(): void {
    this.paused = false;
    this.schedule();
  }

  /** Sends everything queued, waiting for the requests. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight || (this.queue.length > 0 && !this.paused)) {
      await this.sendBatch();
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** A last flush; nothing is sent after. */
  async close(): Promise<void> {
    await this.flush();
    this.paused = true;
  }

  private schedule(): void {
    if (this.paused || this.timer || this.inFlight || this.queue.length === 0) return;
    const full = this.queue.length >= (this.options.maxBatch ?? 1000);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.sendBatch();
      },
      full ? 0 : (this.options.flushIntervalMs ?? 200),
    );
    this.timer.unref();
  }

  private sendBatch(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const batch = this.queue.splice(0, this.options.maxBatch ?? 1000);
    if (batch.length === 0) return Promise.resolve();
    this.inFlight = this.deliver(batch).finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
    return this.inFlight;
  }

  /** Sends one batch; never rejects (a failure is counted and told once). */
  private async deliver(batch: readonly ForwardedLine[]): Promise<void> {
    try {
      await this.post(JSON.stringify(exportLogsRequest(batch)));
      this.counts.sent += batch.length;
      if (this.failing) {
        this.failing = false;
        this.options.onDeliveryChange?.(
          `log forwarding to ${this.endpoint.href} resumed (${this.counts.dropped} lines lost so far)`,
        );
      }
    } catch (error) {
      this.counts.dropped += batch.length;
      this.counts.failedBatches++;
      if (!this.failing) {
        this.failing = true;
        // Not `instanceof Error`: socket errors may come from another realm (vm, Jest).
        const reason = (error as { message?: string } | undefined)?.message ?? String(error);
        this.options.onDeliveryChange?.(
          `log forwarding to ${this.endpoint.href} failed (${reason}); lines are dropped until it answers`,
        );
      }
    }
  }

  private post(body: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.endpoint,
        {
          method: 'POST',
          timeout: this.options.requestTimeoutMs ?? 2000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(this.options.apiKey ? { 'x-otlp-api-key': this.options.apiKey } : {}),
          },
        },
        (res) => {
          res.resume();
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`HTTP ${status}`));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }
}
