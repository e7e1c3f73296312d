import { z } from 'zod';
import type {
  AnyValueInput,
  KeyValueInput,
  LogsInput,
  ResourceInput,
  SpanInput,
  TracesInput,
} from './otlp-input';

// OTLP/JSON as the specification maps the protobuf messages: lowerCamelCase
// field names, trace and span ids as hex, 64-bit integers as strings or
// numbers, enums as integers. Unknown fields are ignored, as receivers must.

const uint64 = z
  .union([z.string().regex(/^\d{1,20}$/, 'must be a decimal integer'), z.number().int().min(0)])
  .transform((value) => (typeof value === 'number' ? BigInt(value).toString() : value));

const int64 = z
  .union([z.string().regex(/^-?\d{1,20}$/, 'must be a decimal integer'), z.number().int()])
  .transform((value) => (typeof value === 'number' ? BigInt(value).toString() : value));

const hexId = z
  .string()
  .regex(/^([0-9a-fA-F]{2})*$/, 'must be hex')
  .transform((value) => value.toLowerCase());

/** An enum field: its integer, or (leniently) its name from `names`. */
const enumField = (names: readonly string[]) =>
  z
    .union([
      z.number().int().min(0),
      z.enum(names as [string, ...string[]]).transform((name) => names.indexOf(name)),
    ])
    .default(0);

const anyValue: z.ZodType<AnyValueInput, unknown> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: int64.optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.object({ values: z.array(anyValue).default([]) }).optional(),
    kvlistValue: z.object({ values: z.array(keyValue).default([]) }).optional(),
    bytesValue: z.base64().optional(),
  }),
);

const keyValue: z.ZodType<KeyValueInput, unknown> = z.lazy(() =>
  z.object({ key: z.string(), value: anyValue.optional() }),
);

const attributes = z.array(keyValue).default([]);

const resource: z.ZodType<ResourceInput, unknown> = z.object({ attributes });

const SPAN_KINDS = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const STATUS_CODES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

const span: z.ZodType<SpanInput, unknown> = z.object({
  traceId: hexId,
  spanId: hexId,
  parentSpanId: hexId.default(''),
  name: z.string().default(''),
  kind: enumField(SPAN_KINDS),
  startTimeUnixNano: uint64.default('0'),
  endTimeUnixNano: uint64.default('0'),
  attributes,
  events: z
    .array(
      z.object({ name: z.string().default(''), timeUnixNano: uint64.default('0'), attributes }),
    )
    .default([]),
  status: z.object({ code: enumField(STATUS_CODES), message: z.string().default('') }).optional(),
});

export const tracesJsonSchema: z.ZodType<TracesInput, unknown> = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: resource.optional(),
        scopeSpans: z.array(z.object({ spans: z.array(span).default([]) })).default([]),
      }),
    )
    .default([]),
});

const logRecord = z.object({
  timeUnixNano: uint64.default('0'),
  observedTimeUnixNano: uint64.default('0'),
  severityNumber: z.number().int().min(0).max(24).default(0),
  severityText: z.string().default(''),
  body: anyValue.optional(),
  attributes,
  traceId: hexId.default(''),
  spanId: hexId.default(''),
});

export const logsJsonSchema: z.ZodType<LogsInput, unknown> = z.object({
  resourceLogs: z
    .array(
      z.object({
        resource: resource.optional(),
        scopeLogs: z.array(z.object({ logRecords: z.array(logRecord).default([]) })).default([]),
      }),
    )
    .default([]),
});
