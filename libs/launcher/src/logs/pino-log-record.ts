import type { OutputStream } from '../process/managed-process';

/** OTLP/JSON AnyValue, as far as log lines need it. */
export type OtlpAnyValue =
  | { readonly stringValue: string }
  | { readonly boolValue: boolean }
  | { readonly intValue: string }
  | { readonly doubleValue: number }
  | { readonly arrayValue: { readonly values: readonly OtlpAnyValue[] } };

export interface OtlpKeyValue {
  readonly key: string;
  readonly value: OtlpAnyValue;
}

/** An OTLP/JSON LogRecord (int64 fields as decimal strings, ids as hex). */
export interface OtlpLogRecord {
  readonly timeUnixNano: string;
  readonly observedTimeUnixNano: string;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body: OtlpAnyValue;
  readonly attributes: readonly OtlpKeyValue[];
  readonly traceId?: string;
  readonly spanId?: string;
  readonly flags?: number;
}

/** pino's numeric levels → OTel severity (the first number of each range). */
const SEVERITIES = [
  { below: 20, number: 1, text: 'TRACE' },
  { below: 30, number: 5, text: 'DEBUG' },
  { below: 40, number: 9, text: 'INFO' },
  { below: 50, number: 13, text: 'WARN' },
  { below: 60, number: 17, text: 'ERROR' },
  { below: Infinity, number: 21, text: 'FATAL' },
] as const;
const INFO = SEVERITIES[2];

/** Fields that become the record's own parts rather than attributes. */
const RECORD_FIELDS = new Set(['level', 'time', 'msg', 'trace_id', 'span_id', 'trace_flags']);
const MAX_ATTRIBUTES = 64;
const MAX_DEPTH = 3;
/** Longer strings are cut: one runaway line must not hold the queue's memory. */
export const MAX_VALUE_LENGTH = 16 * 1024;

const cut = (text: string) =>
  text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;

const TRACE_ID = /^(?!0{32})[0-9a-f]{32}$/;
const SPAN_ID = /^(?!0{16})[0-9a-f]{16}$/;

function scalar(value: unknown): OtlpAnyValue | undefined {
  if (typeof value === 'string') return { stringValue: cut(value) };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  return undefined;
}

/** Nested objects flatten to dotted keys (err.message, req.method); deeper ones become JSON. */
function flatten(prefix: string, value: unknown, depth: number, into: OtlpKeyValue[]): void {
  if (into.length >= MAX_ATTRIBUTES || value === undefined || value === null) return;
  const plain = scalar(value);
  const items = Array.isArray(value) ? value.map(scalar) : [];
  if (plain) {
    into.push({ key: prefix, value: plain });
  } else if (Array.isArray(value) && items.every((item) => item !== undefined)) {
    into.push({ key: prefix, value: { arrayValue: { values: items as OtlpAnyValue[] } } });
  } else if (typeof value === 'object' && !Array.isArray(value) && depth < MAX_DEPTH) {
    for (const [key, inner] of Object.entries(value))
      flatten(`${prefix}.${key}`, inner, depth + 1, into);
  } else {
    into.push({ key: prefix, value: { stringValue: cut(JSON.stringify(value)) } });
  }
}

const severityOf = (level: number) => SEVERITIES.find((s) => level < s.below) ?? INFO;

function parsePino(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const record = parsed as Record<string, unknown>;
    return typeof record.level === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

const nanosFromMillis = (ms: number) => (BigInt(Math.trunc(ms)) * 1_000_000n).toString();

/**
 * One output line of a process as an OTLP LogRecord: a pino JSON line keeps
 * its time, level (as severity), message (body), trace context and other
 * fields (attributes); any other line is INFO text.
 */
export function logRecordFromLine(
  line: string,
  stream: OutputStream,
  nowMs: number = Date.now(),
): OtlpLogRecord {
  const observedTimeUnixNano = nanosFromMillis(nowMs);
  const iostream: OtlpKeyValue = { key: 'log.iostream', value: { stringValue: stream } };
  const record = parsePino(line);
  if (!record) {
    return {
      timeUnixNano: observedTimeUnixNano,
      observedTimeUnixNano,
      severityNumber: INFO.number,
      severityText: INFO.text,
      body: { stringValue: cut(line) },
      attributes: [iostream],
    };
  }
  const severity = severityOf(record.level as number);
  const attributes: OtlpKeyValue[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!RECORD_FIELDS.has(key)) flatten(key, value, 0, attributes);
  }
  attributes.push(iostream);
  const time =
    typeof record.time === 'number' && Number.isFinite(record.time) ? record.time : nowMs;
  const traceId = typeof record.trace_id === 'string' ? record.trace_id.toLowerCase() : '';
  const spanId = typeof record.span_id === 'string' ? record.span_id.toLowerCase() : '';
  const flags =
    typeof record.trace_flags === 'string' ? Number.parseInt(record.trace_flags, 16) : NaN;
  return {
    timeUnixNano: nanosFromMillis(time),
    observedTimeUnixNano,
    severityNumber: severity.number,
    severityText: severity.text,
    body: { stringValue: cut(typeof record.msg === 'string' ? record.msg : '') },
    attributes,
    ...(TRACE_ID.test(traceId) ? { traceId } : {}),
    ...(SPAN_ID.test(spanId) ? { spanId } : {}),
    ...(TRACE_ID.test(traceId) && flags >= 0 && flags <= 255 ? { flags } : {}),
  };
}
