import { muxV1 } from '@junction/contracts';
import { GrpcFrameReader, grpcFrame, toMuxHeaders } from '@junction/grpc-client';
import type { ServerHttp2Stream } from 'node:http2';
import { Status, StatusError } from '../../status.error';
import { grpcFailureOf, type GrpcFailure } from '../../status-error.trailers';
import { MAX_MESSAGE_BYTES } from '../grpc-message.framing';
import { percentEncoded } from '../http2-server.call';
import type { UnaryRoute } from '../unary-server-transport.port';
import { MuxInboundCall } from './mux-inbound-call';

const EMPTY: muxV1.ExchangeResponse['message'] = Buffer.alloc(0);
/** Room for the envelope around a message of the largest size. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The server end of one Exchange stream (proto/junction/mux/v1/mux.proto):
 * each call message runs through the same unary route as a call on its own
 * stream would, and its answer goes back as one message with its id. On
 * drain, new calls are answered UNAVAILABLE unrun; once the last call in
 * flight has answered, the stream ends OK.
 */
export class MuxExchange {
  private readonly inFlight = new Map<number, MuxInboundCall>();
  private readonly reader = new GrpcFrameReader(MAX_MESSAGE_BYTES + ENVELOPE_BYTES);
  private draining = false;
  private ended = false;

  constructor(
    private readonly stream: ServerHttp2Stream,
    private readonly routes: ReadonlyMap<string, UnaryRoute>,
    private readonly onEnd: () => void,
  ) {
    stream.respond(
      { ':status': 200, 'content-type': 'application/grpc+proto' },
      { waitForTrailers: true },
    );
    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.once('end', () => this.drain());
    stream.once('close', () => {
      for (const call of this.inFlight.values()) call.cancel();
      this.inFlight.clear();
      this.ended = true;
      this.onEnd();
    });
  }

  /** Takes no new calls; ends the stream once the calls in flight have answered. */
  drain(): void {
    this.draining = true;
    if (this.inFlight.size === 0) this.end({ code: Status.OK, details: '' });
  }

  private onData(chunk: Buffer): void {
    const messages = this.reader.push(chunk);
    if (messages instanceof Error) {
      this.end(grpcFailureOf(new StatusError(Status.INTERNAL, messages.message)));
      return;
    }
    for (const message of messages) {
      const request = muxV1.ExchangeRequest.decode(message);
      if (request.call) this.run(request.call);
      else if (request.cancel !== undefined) this.inFlight.get(request.cancel)?.cancel();
    }
  }

  private run(call: muxV1.MuxCall): void {
    const route = this.routes.get(call.path);
    if (this.draining || !route) {
      const error = route
        ? new StatusError(Status.UNAVAILABLE, 'server is shutting down')
        : new StatusError(
            Status.UNIMPLEMENTED,
            `The server does not implement the method ${call.path}`,
          );
      return this.answer(call.id, grpcFailureOf(error));
    }
    const inbound = new MuxInboundCall(call);
    this.inFlight.set(call.id, inbound);
    route(call.message, inbound).then(
      (response) => this.answer(call.id, undefined, response),
      (error: unknown) => this.answer(call.id, grpcFailureOf(error)),
    );
  }

  private answer(id: number, failure: GrpcFailure | undefined, response: Buffer = EMPTY): void {
    const cancelled = this.inFlight.get(id)?.cancelled ?? false;
    this.inFlight.delete(id);
    if (!this.ended && !cancelled) {
      const reply: muxV1.ExchangeResponse = failure
        ? {
            id,
            status: failure.code,
            details: failure.details,
            trailers: failure.metadata ? toMuxHeaders(failure.metadata) : [],
            message: EMPTY,
          }
        : // The route's bytes as they are: the generated type is narrower than Buffer.
          { id, status: Status.OK, details: '', trailers: [], message: response as typeof EMPTY };
      this.stream.write(grpcFrame(muxV1.ExchangeResponse.encode(reply).finish()));
    }
    if (this.draining && this.inFlight.size === 0) this.end({ code: Status.OK, details: '' });
  }

  private end({ code, details }: GrpcFailure): void {
    if (this.ended || this.stream.closed || this.stream.destroyed) return;
    this.ended = true;
    this.stream.once('wantTrailers', () =>
      this.stream.sendTrailers({
        'grpc-status': String(code),
        ...(details ? { 'grpc-message': percentEncoded(details) } : {}),
      }),
    );
    this.stream.end();
  }
}
