import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** gRPC's rich-error trailer: a serialized google.rpc.Status. */
export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';

/**
 * The delay a server asked for with a google.rpc.RetryInfo detail (the
 * AIP-193 way to say "retry after"), read from the `grpc-status-details-bin`
 * trailer, in ms. The few messages involved are decoded by field number
 * rather than generated: Status.details (3) is a repeated Any; RetryInfo's
 * retry_delay (1) a Duration. Anything malformed or absent gives undefined.
 */
export function retryInfoDelayMs(statusDetails: Uint8Array): number | undefined {
  try {
    for (const detail of lengthDelimited(statusDetails, 3)) {
      const typeUrl = lengthDelimited(detail, 1)[0];
      if (typeUrl === undefined || new TextDecoder().decode(typeUrl) !== RETRY_INFO_TYPE) continue;
      const retryInfo = lengthDelimited(detail, 2)[0];
      const delay = retryInfo && lengthDelimited(retryInfo, 1)[0];
      return delay ? durationMs(delay) : undefined;
    }
  } catch {
    // A malformed trailer is no pushback.
  }
  return undefined;
}

/** Every length-delimited value of field `wanted` in a message. */
function lengthDelimited(message: Uint8Array, wanted: number): Uint8Array[] {
  const reader = new BinaryReader(message);
  const values: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === wanted && wire === WireType.LengthDelimited) values.push(reader.bytes());
    else reader.skip(wire, field);
  }
  return values;
}

/** google.protobuf.Duration {seconds 1, nanos 2} in whole ms, rounded up; positive or undefined. */
function durationMs(duration: Uint8Array): number | undefined {
  const reader = new BinaryReader(duration);
  let seconds = 0;
  let nanos = 0;
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.Varint) seconds = Number(reader.int64());
    else if (field === 2 && wire === WireType.Varint) nanos = reader.int32();
    else reader.skip(wire, field);
  }
  const ms = seconds * 1000 + Math.ceil(nanos / 1e6);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
