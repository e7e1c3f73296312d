import { ProblemError } from '../http/problem';

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const ZERO = /^0+$/;

/** A 16-byte trace id as OTLP requires it: 32 hex digits, not all zero. */
export const isTraceId = (id: string): boolean => TRACE_ID.test(id) && !ZERO.test(id);

/** An 8-byte span id: 16 hex digits, not all zero. */
export const isSpanId = (id: string): boolean => SPAN_ID.test(id) && !ZERO.test(id);

/** Throws a 400 naming `where` unless the span's ids are valid. */
export function checkSpanIds(
  ids: { traceId: string; spanId: string; parentSpanId: string },
  where: string,
): void {
  const errors: string[] = [];
  if (!isTraceId(ids.traceId)) errors.push(`${where}.traceId: must be 16 bytes, not all zero`);
  if (!isSpanId(ids.spanId)) errors.push(`${where}.spanId: must be 8 bytes, not all zero`);
  if (ids.parentSpanId !== '' && !SPAN_ID.test(ids.parentSpanId)) {
    errors.push(`${where}.parentSpanId: must be empty or 8 bytes`);
  }
  if (errors.length > 0) throw new ProblemError(400, 'invalid span ids', errors);
}

/** A log record's optional trace context: '' or valid ids (an all-zero id means none). */
export function logTraceIds(
  ids: { traceId: string; spanId: string },
  where: string,
): { traceId?: string; spanId?: string } {
  const traceId = ids.traceId === '' || ZERO.test(ids.traceId) ? undefined : ids.traceId;
  const spanId = ids.spanId === '' || ZERO.test(ids.spanId) ? undefined : ids.spanId;
  const errors: string[] = [];
  if (traceId !== undefined && !TRACE_ID.test(traceId)) {
    errors.push(`${where}.traceId: must be empty or 16 bytes`);
  }
  if (spanId !== undefined && !SPAN_ID.test(spanId)) {
    errors.push(`${where}.spanId: must be empty or 8 bytes`);
  }
  if (errors.length > 0) throw new ProblemError(400, 'invalid log record ids', errors);
  return { ...(traceId ? { traceId } : {}), ...(spanId ? { spanId } : {}) };
}
