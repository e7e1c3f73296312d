import type { Metadata } from '@grpc/grpc-js';

/**
 * Moves one encoded unary request to an address and back. Bytes in, bytes
 * out: codecs and policies stay above it, so the wire client can be swapped.
 */
export interface UnaryTransport {
  call(
    address: string,
    path: string,
    request: Buffer,
    metadata: Metadata,
    deadline: number,
  ): Promise<Buffer>;
  close(): void;
}
