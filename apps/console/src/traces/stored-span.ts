import type { SpanView } from '@junction/console-api';

/** A span as the store keeps it: the API's view plus its times in ms for sorting and sums. */
export interface StoredSpan {
  readonly traceId: string;
  readonly view: SpanView;
  readonly startMs: number;
  readonly endMs: number;
}

/** Unix nanoseconds (decimal string) as fractional milliseconds. */
export const nanosToMs = (nanos: string): number => Number(nanos) / 1e6;
