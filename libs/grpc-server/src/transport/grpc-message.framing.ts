import { Status, StatusError } from '../status.error';

/** gRPC's length prefix: a compressed flag byte and a 4-byte big-endian length. */
const PREFIX_BYTES = 5;

/** As grpc-js's default receive limit. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * Collects the one length-prefixed message of a unary request from its DATA
 * chunks, and refuses what a unary request must not be: larger than the
 * limit (told as soon as the prefix says so, before the rest arrives), more
 * than one message, a truncated one, or a compressed one, since this server
 * accepts only `identity`.
 */
export class UnaryMessageReader {
  private readonly chunks: Buffer[] = [];
  private received = 0;

  constructor(private readonly maxBytes = MAX_MESSAGE_BYTES) {}

  /** Adds a chunk; returns the failure that ends the call early, if any. */
  push(chunk: Buffer): StatusError | undefined {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.received < PREFIX_BYTES) return undefined;
    const length = this.declaredLength();
    if (length > this.maxBytes) {
      return new StatusError(
        Status.RESOURCE_EXHAUSTED,
        `Received message larger than max (${length} vs. ${this.maxBytes})`,
      );
    }
    if (this.received > PREFIX_BYTES + length) return secondMessage();
    return undefined;
  }

  /** The message once the request has ended, or the failure its framing is. */
  finish(encoding: string | undefined): Buffer | StatusError {
    if (this.received === 0) {
      return new StatusError(
        Status.UNIMPLEMENTED,
        'received no request message for a unary method',
      );
    }
    const body =
      this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.received);
    if (body.length < PREFIX_BYTES || body.length < PREFIX_BYTES + body.readUInt32BE(1)) {
      return new StatusError(Status.INTERNAL, 'request ended inside a message');
    }
    if (body[0] === 1) return compressed(encoding);
    if (body[0] !== 0)
      return new StatusError(Status.INTERNAL, `invalid compressed flag ${body[0]}`);
    return body.subarray(PREFIX_BYTES);
  }

  private declaredLength(): number {
    const first = this.chunks[0];
    return first.length >= PREFIX_BYTES
      ? first.readUInt32BE(1)
      : Buffer.concat(this.chunks, this.received).readUInt32BE(1);
  }
}

const secondMessage = () =>
  new StatusError(Status.UNIMPLEMENTED, 'received a second request message for a unary method');

/** A compressed message: the encoding is not one this server speaks, or none was named. */
const compressed = (encoding: string | undefined): StatusError =>
  encoding && encoding !== 'identity'
    ? new StatusError(
        Status.UNIMPLEMENTED,
        `Received message compressed with unsupported encoding "${encoding}"`,
      )
    : new StatusError(Status.INTERNAL, 'compressed flag set on a message without grpc-encoding');
