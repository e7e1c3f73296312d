import { issueLines, ProblemError } from '../http/problem';
import type { LogsInput, TracesInput } from './otlp-input';
import { logsJsonSchema, tracesJsonSchema } from './otlp-json.schema';
import { decodeLogsProtobuf, decodeTracesProtobuf } from './otlp-protobuf.decoder';

export type OtlpEncoding = 'json' | 'protobuf';
export type OtlpSignal = 'traces' | 'logs';

const DECODERS = {
  traces: { schema: tracesJsonSchema, protobuf: decodeTracesProtobuf },
  logs: { schema: logsJsonSchema, protobuf: decodeLogsProtobuf },
} as const;

/**
 * One export request's body as OTLP messages, or a 400: malformed JSON, a
 * body that is not the message, bad protobuf wire data, and input nested
 * deep enough to exhaust the stack all end here, never in a 500.
 */
export function decodeExport(signal: 'traces', encoding: OtlpEncoding, body: Buffer): TracesInput;
export function decodeExport(signal: 'logs', encoding: OtlpEncoding, body: Buffer): LogsInput;
export function decodeExport(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
  body: Buffer,
): TracesInput | LogsInput {
  const decoder = DECODERS[signal];
  if (encoding === 'protobuf') {
    try {
      return decoder.protobuf(body);
    } catch (error) {
      throw new ProblemError(400, `malformed protobuf ${signal} export: ${reason(error)}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new ProblemError(400, `malformed JSON: ${reason(error)}`);
  }
  let result;
  try {
    result = decoder.schema.safeParse(json);
  } catch (error) {
    throw new ProblemError(400, `malformed ${signal} export: ${reason(error)}`);
  }
  if (!result.success) {
    throw new ProblemError(
      400,
      `not an OTLP ${signal} export`,
      issueLines(result.error).slice(0, 20),
    );
  }
  return result.data;
}

const reason = (error: unknown): string =>
  error instanceof RangeError && /call stack/i.test(error.message)
    ? 'nested too deeply'
    : error instanceof Error
      ? error.message
      : String(error);
