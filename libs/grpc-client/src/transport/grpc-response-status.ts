import { status as Status } from '@grpc/grpc-js';
import { constants } from 'node:http2';

export interface ResponseStatus {
  readonly code: Status;
  readonly details: string;
}

/** HTTP statuses from something that is not a gRPC server, as the gRPC spec maps them. */
const FROM_HTTP: ReadonlyMap<number, Status> = new Map([
  [400, Status.INTERNAL],
  [401, Status.UNAUTHENTICATED],
  [403, Status.PERMISSION_DENIED],
  [404, Status.UNIMPLEMENTED],
  [429, Status.UNAVAILABLE],
  [502, Status.UNAVAILABLE],
  [503, Status.UNAVAILABLE],
  [504, Status.UNAVAILABLE],
]);

/** Response headers or trailers as node:http2 gives them (`:status` is a number). */
export type ResponseHeaders = { readonly [name: string]: string | string[] | number | undefined };

const first = (value: ResponseHeaders[string]): string | undefined =>
  Array.isArray(value) ? value[0] : value === undefined ? undefined : String(value);

/** grpc-message is percent-encoded; a malformed one is shown as sent. */
function decodeMessage(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The outcome of a finished gRPC stream: grpc-status from the trailers, or
 * from the headers of a trailers-only response; failing that, what the
 * stream reset or HTTP status says.
 */
export function grpcStatusOfResponse(
  headers: ResponseHeaders,
  trailers: ResponseHeaders,
  rstCode: number | undefined,
): ResponseStatus {
  const status = first(trailers['grpc-status']) ?? first(headers['grpc-status']);
  if (status !== undefined) {
    const code = Number(status);
    const message = first(trailers['grpc-message']) ?? first(headers['grpc-message']) ?? '';
    return Number.isInteger(code) && code >= 0 && code <= 16
      ? { code: code as Status, details: decodeMessage(message) }
      : { code: Status.UNKNOWN, details: `invalid grpc-status "${status}"` };
  }
  if (rstCode === constants.NGHTTP2_REFUSED_STREAM) {
    return { code: Status.UNAVAILABLE, details: 'stream refused by server' };
  }
  if (rstCode === constants.NGHTTP2_CANCEL)
    return { code: Status.CANCELLED, details: 'stream cancelled' };
  const http = headers[':status'] === undefined ? undefined : Number(headers[':status']);
  if (http === undefined)
    return { code: Status.UNAVAILABLE, details: 'connection closed before a response' };
  if (http !== 200)
    return {
      code: FROM_HTTP.get(http) ?? Status.UNKNOWN,
      details: `HTTP ${http} from a non-gRPC answer`,
    };
  if (rstCode) return { code: Status.INTERNAL, details: `stream reset with code ${rstCode}` };
  return { code: Status.UNKNOWN, details: 'response ended without a grpc-status' };
}
