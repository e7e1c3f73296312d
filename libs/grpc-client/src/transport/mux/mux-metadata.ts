import { Metadata } from '@grpc/grpc-js';
import type { muxV1 } from '@junction/contracts';

/** Custom metadata as the mux carries it: -bin values as raw bytes, the rest UTF-8. */
export function toMuxHeaders(metadata: Metadata): muxV1.MuxHeader[] {
  const headers: muxV1.MuxHeader[] = [];
  for (const [key, values] of Object.entries(metadata.toJSON())) {
    for (const value of values)
      headers.push({ key, value: Buffer.isBuffer(value) ? value : Buffer.from(value) });
  }
  return headers;
}

/** The metadata the mux carried, as grpc-js would have built it. */
export function fromMuxHeaders(headers: readonly muxV1.MuxHeader[]): Metadata {
  const metadata = new Metadata();
  for (const { key, value } of headers) {
    if (key.endsWith('-bin')) metadata.add(key, value);
    else metadata.add(key, value.toString('utf8'));
  }
  return metadata;
}
