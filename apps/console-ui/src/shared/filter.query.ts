import type { LogLevel, LogView, TraceOutcome, TraceSummary } from '@junction/console-api';

/** `GET /api/traces` filters. */
export interface TraceFilter {
  readonly service?: string;
  readonly route?: string;
  readonly status?: TraceOutcome;
  readonly minDurationMs?: number;
  readonly limit?: number;
}

/** `GET /api/logs` filters; `level` is the lowest severity shown. */
export interface LogFilter {
  readonly traceId?: string;
  readonly service?: string;
  readonly level?: LogLevel;
  readonly q?: string;
  readonly limit?: number;
}

type QueryValue = string | number | undefined | null;

/** `?a=1&b=x` from the set values (trimmed; empty strings and NaN left out), '' when none. */
export function queryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined || raw === null) continue;
    if (typeof raw === 'number' && !Number.isFinite(raw)) continue;
    const value = String(raw).trim();
    if (value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const TRACE_OUTCOMES: readonly TraceOutcome[] = ['ok', 'error', 'degraded'];
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

const text = (value: string | undefined): string | undefined => value?.trim() || undefined;
const nonNegative = (value: string | undefined): number | undefined => {
  const n = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};
const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined): T | undefined =>
  allowed.find((candidate) => candidate === value);

/** The trace filter a page address holds (`#/traces?service=…`); unknown values are dropped. */
export function traceFilterFrom(params: Readonly<Record<string, string>>): TraceFilter {
  return {
    service: text(params['service']),
    route: text(params['route']),
    status: oneOf(TRACE_OUTCOMES, params['status']),
    minDurationMs: nonNegative(params['minDurationMs']),
  };
}

export function logFilterFrom(params: Readonly<Record<string, string>>): LogFilter {
  return {
    service: text(params['service']),
    level: oneOf(LOG_LEVELS, params['level']),
    q: text(params['q']),
    traceId: text(params['traceId']),
  };
}

/** Whether a trace pushed live belongs in a list fetched with this filter. */
export function traceMatches(trace: TraceSummary, filter: TraceFilter): boolean {
  if (filter.service && !trace.services.includes(filter.service)) return false;
  if (filter.route && trace.route !== filter.route) return false;
  if (filter.status && trace.status !== filter.status) return false;
  if (filter.minDurationMs !== undefined && trace.durationMs < filter.minDurationMs) return false;
  return true;
}

/** Whether a log line pushed live belongs in a list fetched with this filter. */
export function logMatches(log: LogView, filter: LogFilter): boolean {
  if (filter.service && log.service !== filter.service) return false;
  if (filter.traceId && log.traceId !== filter.traceId) return false;
  if (filter.level && LOG_LEVELS.indexOf(log.level) < LOG_LEVELS.indexOf(filter.level))
    return false;
  if (filter.q && !log.message.toLowerCase().includes(filter.q.toLowerCase())) return false;
  return true;
}
