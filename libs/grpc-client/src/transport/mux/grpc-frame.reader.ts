/** The gRPC length prefix: a compressed flag byte and a 4-byte length. */
export const FRAME_PREFIX_BYTES = 5;

/** One gRPC length-prefixed message. */
export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(FRAME_PREFIX_BYTES + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, FRAME_PREFIX_BYTES);
  return out;
}

/**
 * Splits a stream's DATA into gRPC messages, however the chunks fall: a
 * message may span chunks and a chunk may hold many. Compressed messages and
 * messages over `maxMessageBytes` are refused (the stream is then unusable).
 */
export class GrpcFrameReader {
  private pending: Buffer | undefined;

  constructor(private readonly maxMessageBytes: number) {}

  /** The whole messages completed by `chunk`, or the reason the stream is broken. */
  push(chunk: Buffer): Buffer[] | Error {
    let buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const messages: Buffer[] = [];
    while (buffer.length >= FRAME_PREFIX_BYTES) {
      if (buffer[0] !== 0) return new Error('compressed messages are not supported');
      const length = buffer.readUInt32BE(1);
      if (length > this.maxMessageBytes)
        return new Error(`message of ${length} bytes is over the ${this.maxMessageBytes} limit`);
      if (buffer.length < FRAME_PREFIX_BYTES + length) break;
      messages.push(buffer.subarray(FRAME_PREFIX_BYTES, FRAME_PREFIX_BYTES + length));
      buffer = buffer.subarray(FRAME_PREFIX_BYTES + length);
    }
    this.pending = buffer.length > 0 ? buffer : undefined;
    return messages;
  }
}
