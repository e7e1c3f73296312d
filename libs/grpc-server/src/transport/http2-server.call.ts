import { Metadata } from '@grpc/grpc-js';
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { InboundCall } from '../server-call.types';
import type { GrpcFailure } from '../status-error.trailers';

/** Headers gRPC itself uses: not the call's custom metadata (as grpc-js strips them). */
const RESERVED = [
  'content-type',
  'te',
  'grpc-timeout',
  'grpc-encoding',
  'grpc-accept-encoding',
  'accept-encoding',
];

/** One call on a node:http2 stream, as the routes see it. */
export class Http2InboundCall implements InboundCall {
  private built?: Metadata;

  constructor(
    readonly path: string,
    readonly deadline: number | undefined,
    private readonly headers: IncomingHttpHeaders,
    private readonly stream: ServerHttp2Stream,
  ) {}

  header(key: string): string | undefined {
    const value = this.headers[key];
    return Array.isArray(value) ? value[0] : value;
  }

  get metadata(): Metadata {
    if (!this.built) {
      this.built = Metadata.fromHttp2Headers(this.headers);
      for (const key of RESERVED) this.built.remove(key);
    }
    return this.built;
  }

  get cancelled(): boolean {
    // aborted: reset by the caller; closed: its connection went.
    return this.stream.aborted || this.stream.closed || this.stream.destroyed;
  }

  onCancel(listener: () => void): () => void {
    // 'aborted': the stream was reset before this side ended it.
    this.stream.once('aborted', listener);
    return () => void this.stream.off('aborted', listener);
  }
}

/** Sent with every gRPC answer: this server takes uncompressed messages only. */
const GRPC_HEADERS = {
  ':status': 200,
  'content-type': 'application/grpc+proto',
  'grpc-accept-encoding': 'identity',
};
const OK_TRAILERS = { 'grpc-status': '0' };

/** Answers with one message and an OK status, unless the caller has gone. */
export function respondMessage(stream: ServerHttp2Stream, frame: Buffer): void {
  if (stream.closed || stream.destroyed) return;
  stream.respond(GRPC_HEADERS, { waitForTrailers: true });
  stream.once('wantTrailers', () => stream.sendTrailers(OK_TRAILERS));
  stream.end(frame);
}

/**
 * Answers trailers-only: status, percent-encoded message and custom metadata
 * (`-bin` values base64) in one HEADERS frame that ends the stream.
 */
export function respondFailure(stream: ServerHttp2Stream, failure: GrpcFailure): void {
  if (stream.closed || stream.destroyed || stream.headersSent) return;
  stream.respond(
    {
      ...GRPC_HEADERS,
      ...failure.metadata?.toHttp2Headers(),
      'grpc-status': String(failure.code),
      'grpc-message': percentEncoded(failure.details),
    },
    { endStream: true },
  );
}

/** An answer for a request that is not gRPC at all: a plain HTTP status. */
export function respondHttp(
  stream: ServerHttp2Stream,
  status: number,
  headers: Record<string, string> = {},
): void {
  if (stream.closed || stream.destroyed) return;
  stream.respond({ ':status': status, ...headers }, { endStream: true });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * grpc-message is percent-encoded UTF-8. encodeURI, as grpc-js encodes it,
 * so both server transports send the same bytes; a lone surrogate (which
 * encodeURI refuses) becomes U+FFFD.
 */
export function percentEncoded(message: string): string {
  try {
    return encodeURI(message);
  } catch {
    return encodeURI(message.replace(LONE_SURROGATE, '\uFFFD'));
  }
}
