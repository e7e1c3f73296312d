import { execFile } from 'node:child_process';
import path from 'node:path';

export interface SpanPlan {
  readonly name: string;
  readonly kind?: 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  readonly attributes?: Record<string, string | number | boolean | string[]>;
  readonly events?: readonly {
    name: string;
    attributes?: Record<string, string | number | boolean>;
  }[];
  /** Index of the parent among the plan's spans; a root when absent. */
  readonly parent?: number;
  /** Sets status ERROR with this message. */
  readonly error?: string;
}

export interface LogPlan {
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body: string;
  readonly traceId?: string;
  readonly spanId?: string;
}

export interface ExportPlan {
  /** The receiver's base URL. */
  readonly url: string;
  readonly service: string;
  readonly encoding?: 'json' | 'protobuf';
  readonly gzip?: boolean;
  readonly headers?: Record<string, string>;
  readonly spans?: readonly SpanPlan[];
  readonly logs?: readonly LogPlan[];
}

const CHILD = path.join(__dirname, 'otlp-export.child.mjs');

/**
 * Exports `plan` with the real OpenTelemetry SDK and OTLP/HTTP exporters in
 * a child process (as every app does) and resolves with the spans' ids once
 * the exporter has flushed, i.e. the receiver has answered.
 */
export function exportWithSdk(plan: ExportPlan): Promise<{ traceId: string; spanId: string }[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD],
      {
        env: { ...process.env, EXPORT_PLAN: JSON.stringify(plan), OTEL_LOG_LEVEL: 'error' },
        timeout: 15_000,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`the exporter failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { traceId: string; spanId: string }[]);
      },
    );
  });
}
