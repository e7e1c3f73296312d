import type { Metadata } from '@grpc/grpc-js';
import { Http2Transport } from '../http2.transport';
import { expiredBeforeStart, type UnaryTransport } from '../unary-transport.port';
import { MuxChannel } from './mux-channel';

export interface MuxTransportOptions {
  /** Larger responses fail RESOURCE_EXHAUSTED, as grpc-js's default receive limit. */
  readonly maxResponseBytes?: number;
  /** For servers that do not speak the mux; Http2Transport by default. */
  readonly fallback?: UnaryTransport;
  /** How long an address that answered Exchange UNIMPLEMENTED is called without it. */
  readonly recheckAfterMs?: number;
}

/**
 * Unary calls multiplexed as messages on one long-lived Exchange stream per
 * address (proto/junction/mux/v1/mux.proto): no HTTP/2 stream, headers or
 * trailers per call, which makes a call several times cheaper on both ends
 * than a stream of its own. A server that answers UNIMPLEMENTED (any
 * non-Junction gRPC server) is called through the fallback instead, and
 * asked again after `recheckAfterMs`.
 */
export class MuxTransport implements UnaryTransport {
  private readonly channels = new Map<string, MuxChannel>();
  private readonly plainUntil = new Map<string, number>();
  private readonly maxResponseBytes: number;
  private readonly fallback: UnaryTransport;
  private readonly recheckAfterMs: number;

  constructor(options: MuxTransportOptions = {}) {
    this.maxResponseBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
    this.fallback =
      options.fallback ?? new Http2Transport({ maxResponseBytes: this.maxResponseBytes });
    this.recheckAfterMs = options.recheckAfterMs ?? 60_000;
  }

  call(
    address: string,
    path: string,
    request: Buffer,
    metadata: Metadata,
    deadline: number,
  ): Promise<Buffer> {
    const viaFallback = () => this.fallback.call(address, path, request, metadata, deadline);
    const plainUntil = this.plainUntil.get(address);
    if (plainUntil !== undefined && Date.now() < plainUntil) return viaFallback();
    if (deadline - Date.now() <= 0) return Promise.reject<Buffer>(expiredBeforeStart());
    return this.channelTo(address).call(path, request, metadata, deadline, viaFallback);
  }

  close(): void {
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
    this.fallback.close();
  }

  private channelTo(address: string): MuxChannel {
    const existing = this.channels.get(address);
    if (existing?.usable) return existing;
    const channel = new MuxChannel(address, this.maxResponseBytes, (ended) => {
      if (this.channels.get(address) === ended) this.channels.delete(address);
      if (ended.state === 'unsupported')
        this.plainUntil.set(address, Date.now() + this.recheckAfterMs);
    });
    this.channels.set(address, channel);
    return channel;
  }
}
