import { ExportLogsServiceRequest } from '../generated/opentelemetry/proto/collector/logs/v1/logs_service';
import {
  ExportTraceServiceRequest,
  ExportTraceServiceResponse,
} from '../generated/opentelemetry/proto/collector/trace/v1/trace_service';
import type { AnyValue, KeyValue } from '../generated/opentelemetry/proto/common/v1/common';
import type { Resource } from '../generated/opentelemetry/proto/resource/v1/resource';
import type {
  AnyValueInput,
  KeyValueInput,
  LogsInput,
  ResourceInput,
  TracesInput,
} from './otlp-input';

// application/x-protobuf bodies, decoded by the code ts-proto generates from
// the official opentelemetry-proto definitions (see buf.gen.otlp.yaml).

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function anyValue(value: AnyValue): AnyValueInput {
  return {
    stringValue: value.stringValue,
    boolValue: value.boolValue,
    intValue: value.intValue,
    doubleValue: value.doubleValue,
    arrayValue: value.arrayValue && { values: value.arrayValue.values.map(anyValue) },
    kvlistValue: value.kvlistValue && { values: value.kvlistValue.values.map(keyValue) },
    bytesValue: value.bytesValue && Buffer.from(value.bytesValue).toString('base64'),
  };
}

const keyValue = (kv: KeyValue): KeyValueInput => ({
  key: kv.key,
  value: kv.value && anyValue(kv.value),
});

const resource = (r: Resource | undefined): ResourceInput | undefined =>
  r && { attributes: r.attributes.map(keyValue) };

export function decodeTracesProtobuf(body: Uint8Array): TracesInput {
  const request = ExportTraceServiceRequest.decode(body);
  return {
    resourceSpans: request.resourceSpans.map((rs) => ({
      resource: resource(rs.resource),
      scopeSpans: rs.scopeSpans.map((scope) => ({
        spans: scope.spans.map((span) => ({
          traceId: hex(span.traceId),
          spanId: hex(span.spanId),
          parentSpanId: hex(span.parentSpanId),
          name: span.name,
          kind: span.kind,
          startTimeUnixNano: span.startTimeUnixNano,
          endTimeUnixNano: span.endTimeUnixNano,
          attributes: span.attributes.map(keyValue),
          events: span.events.map((event) => ({
            name: event.name,
            timeUnixNano: event.timeUnixNano,
            attributes: event.attributes.map(keyValue),
          })),
          status: span.status && { code: span.status.code, message: span.status.message },
        })),
      })),
    })),
  };
}

export function decodeLogsProtobuf(body: Uint8Array): LogsInput {
  const request = ExportLogsServiceRequest.decode(body);
  return {
    resourceLogs: request.resourceLogs.map((rl) => ({
      resource: resource(rl.resource),
      scopeLogs: rl.scopeLogs.map((scope) => ({
        logRecords: scope.logRecords.map((record) => ({
          timeUnixNano: record.timeUnixNano,
          observedTimeUnixNano: record.observedTimeUnixNano,
          severityNumber: record.severityNumber,
          severityText: record.severityText,
          body: record.body && anyValue(record.body),
          attributes: record.attributes.map(keyValue),
          traceId: hex(record.traceId),
          spanId: hex(record.spanId),
        })),
      })),
    })),
  };
}

/** The success answer: an empty ExportTraceServiceResponse (or logs'; both encode alike). */
export const emptyExportResponse = (): Buffer =>
  Buffer.from(ExportTraceServiceResponse.encode({}).finish());
