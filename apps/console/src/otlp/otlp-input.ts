// What the two decoders (JSON and protobuf) both produce: the OTLP messages
// as the official definitions shape them, with ids as lowercase hex and
// 64-bit integers as decimal strings. One mapping turns it into stored spans.

export interface AnyValueInput {
  readonly stringValue?: string | undefined;
  readonly boolValue?: boolean | undefined;
  readonly intValue?: string | undefined;
  readonly doubleValue?: number | undefined;
  readonly arrayValue?: { readonly values: readonly AnyValueInput[] } | undefined;
  readonly kvlistValue?: { readonly values: readonly KeyValueInput[] } | undefined;
  /** Base64. */
  readonly bytesValue?: string | undefined;
}

export interface KeyValueInput {
  readonly key: string;
  readonly value?: AnyValueInput | undefined;
}

export interface ResourceInput {
  readonly attributes: readonly KeyValueInput[];
}

export interface SpanInput {
  readonly traceId: string;
  readonly spanId: string;
  /** '' for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: readonly KeyValueInput[];
  readonly events: readonly {
    readonly name: string;
    readonly timeUnixNano: string;
    readonly attributes: readonly KeyValueInput[];
  }[];
  readonly status?: { readonly code: number; readonly message: string } | undefined;
}

export interface TracesInput {
  readonly resourceSpans: readonly {
    readonly resource?: ResourceInput | undefined;
    readonly scopeSpans: readonly { readonly spans: readonly SpanInput[] }[];
  }[];
}

export interface LogRecordInput {
  readonly timeUnixNano: string;
  readonly observedTimeUnixNano: string;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body?: AnyValueInput | undefined;
  readonly attributes: readonly KeyValueInput[];
  /** '' when the record is outside any trace. */
  readonly traceId: string;
  readonly spanId: string;
}

export interface LogsInput {
  readonly resourceLogs: readonly {
    readonly resource?: ResourceInput | undefined;
    readonly scopeLogs: readonly { readonly logRecords: readonly LogRecordInput[] }[];
  }[];
}
