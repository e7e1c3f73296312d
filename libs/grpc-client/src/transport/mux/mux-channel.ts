import { Metadata, status as Status } from '@grpc/grpc-js';
import { muxV1 } from '@junction/contracts';
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream } from 'node:http2';
import { unreachableFailure as unreachable, type TransportFailure } from '../unary-transport.port';
import { frame, GrpcFrameReader } from './grpc-frame.reader';
import { fromMuxHeaders, toMuxHeaders } from './mux-metadata';

export const EXCHANGE_PATH = '/junction.mux.v1.MuxService/Exchange';
/** Flow-control windows: one stream carries every call, so it gets room for many. */
const WINDOW_BYTES = 16 * 1024 * 1024;
/** The largest message a gRPC server sends by default (4 MiB). */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

interface PendingCall {
  resolve(response: Buffer): void;
  reject(failure: TransportFailure): void;
  timer: NodeJS.Timeout;
  /** The request, kept until the server shows it speaks the mux (for a fallback). */
  replay?: () => void;
}

export type ChannelState = 'opening' | 'open' | 'unsupported' | 'closed';

/** The answers in `messages`, or undefined if one is not an ExchangeResponse. */
function decodeAll(messages: readonly Buffer[]): muxV1.ExchangeResponse[] | undefined {
  try {
    return messages.map((message) => muxV1.ExchangeResponse.decode(message));
  } catch {
    return undefined;
  }
}

/**
 * One server address's Exchange stream: calls go out as messages with an id,
 * answers come back in any order. Until the server's response headers show
 * it serves the mux, each call keeps a replay; if it answers UNIMPLEMENTED
 * (not a Junction server), the calls are replayed on the fallback and the
 * channel is `unsupported`. A dropped connection fails every call in flight
 * as unreachable, as a dropped HTTP/2 stream would.
 */
export class MuxChannel {
  private readonly session: ClientHttp2Session;
  private readonly stream: ClientHttp2Stream;
  private readonly pending = new Map<number, PendingCall>();
  private readonly reader: GrpcFrameReader;
  private nextId = 1;
  private replayed = false;
  state: ChannelState = 'opening';

  constructor(
    address: string,
    private readonly maxResponseBytes: number,
    private readonly onEnd: (channel: MuxChannel) => void,
  ) {
    // Over-limit answers are refused call by call (below); only a frame no
    // server may send breaks the stream.
    this.reader = new GrpcFrameReader(Math.max(maxResponseBytes, MAX_FRAME_BYTES) + 64 * 1024);
    this.session = connect(`http://${address}`, { settings: { initialWindowSize: WINDOW_BYTES } });
    this.session.on('connect', () => this.session.setLocalWindowSize(WINDOW_BYTES));
    this.session.on('error', () => undefined); // the stream reports it
    this.session.on('goaway', () => this.retire());
    this.stream = this.session.request({
      ':method': 'POST',
      ':path': EXCHANGE_PATH,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    this.stream.on('response', (headers) => {
      const grpcStatus = headers['grpc-status'];
      const speaksGrpc =
        headers[':status'] === 200 &&
        String(headers['content-type']).startsWith('application/grpc');
      // Not a gRPC server, or one without the Exchange: remembered, calls go plain.
      if (!speaksGrpc || grpcStatus === String(Status.UNIMPLEMENTED)) this.fallBack(true);
      // Refused as a whole (a draining server): these calls go plain, the next get a new stream.
      else if (grpcStatus !== undefined) this.fallBack(false);
    });
    this.stream.on('data', (chunk: Buffer) => this.onData(chunk));
    this.stream.on('error', () => undefined); // 'close' follows
    this.stream.on('close', () => this.onClose());
  }

  /** True while it takes new calls. */
  get usable(): boolean {
    return this.state === 'opening' || this.state === 'open';
  }

  call(
    path: string,
    request: Buffer,
    metadata: Metadata,
    deadline: number,
    replay: () => Promise<Buffer>,
  ): Promise<Buffer> {
    const id = this.nextId;
    this.nextId = this.nextId === 0xffffffff ? 1 : this.nextId + 1;
    const timeoutMs = Math.ceil(deadline - Date.now());
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.pending.delete(id)) return;
        this.write({ cancel: id });
        reject({ code: Status.DEADLINE_EXCEEDED, details: 'deadline exceeded' });
      }, timeoutMs);
      const pendingCall: PendingCall = { resolve, reject, timer };
      if (this.state === 'opening')
        pendingCall.replay = () => {
          clearTimeout(timer);
          replay().then(resolve, reject);
        };
      this.pending.set(id, pendingCall);
      const call = { id, path, timeoutMs, metadata: toMuxHeaders(metadata), message: request };
      this.write({ call });
    });
  }

  /** Takes no new calls; the ones in flight finish. */
  retire(): void {
    if (this.usable) this.state = 'closed';
    this.onEnd(this);
    if (this.pending.size === 0) this.close();
  }

  close(): void {
    this.state = this.state === 'unsupported' ? 'unsupported' : 'closed';
    if (!this.stream.closed) this.stream.close(constants.NGHTTP2_CANCEL);
    this.session.close();
  }

  private write(request: muxV1.ExchangeRequest): void {
    if (this.stream.closed || this.stream.destroyed) return;
    this.stream.write(frame(muxV1.ExchangeRequest.encode(request).finish()));
  }

  private onData(chunk: Buffer): void {
    const messages = this.reader.push(chunk);
    const answers = messages instanceof Error ? undefined : decodeAll(messages);
    if (!answers) {
      // Until a first answer proves the mux, the server may be something else:
      // the calls are repeated plain (it cannot have run them).
      if (this.state === 'opening') return this.fallBack(true);
      this.failAll({ code: Status.UNAVAILABLE, details: 'the mux stream broke' });
      return this.close();
    }
    if (this.state === 'opening' && answers.length > 0) {
      this.state = 'open';
      for (const call of this.pending.values()) call.replay = undefined;
    }
    for (const answer of answers) this.settle(answer);
  }

  private settle(answer: muxV1.ExchangeResponse): void {
    const call = this.pending.get(answer.id);
    if (!call) return; // cancelled: its deadline passed
    this.pending.delete(answer.id);
    clearTimeout(call.timer);
    if (answer.status === Status.OK) {
      if (answer.message.length > this.maxResponseBytes)
        call.reject({
          code: Status.RESOURCE_EXHAUSTED,
          details: `response larger than ${this.maxResponseBytes} bytes`,
        });
      else call.resolve(answer.message);
    } else {
      call.reject({
        code: answer.status as Status,
        details: answer.details,
        metadata: fromMuxHeaders(answer.trailers),
      });
    }
    if (this.state === 'closed' && this.pending.size === 0) this.close();
  }

  /** Repeats the calls not yet known to have reached the mux on the fallback. */
  private fallBack(remember: boolean): void {
    if (this.state === 'unsupported') return;
    this.state = remember ? 'unsupported' : 'closed';
    this.onEnd(this);
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      if (call.replay) call.replay();
      else call.reject(unreachable('the mux stream was refused'));
    }
    this.replayed = true;
    this.close();
  }

  private onClose(): void {
    if (this.replayed) return;
    const wasUsable = this.usable;
    this.state = 'closed';
    if (wasUsable) this.onEnd(this);
    this.failAll(unreachable('connection dropped before the response'));
    this.session.close();
  }

  private failAll(failure: TransportFailure): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      clearTimeout(call.timer);
      call.reject(failure);
    }
  }
}
