import {
  Server,
  ServerCredentials,
  type Metadata,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import type { InboundCall } from '../server-call.types';
import { grpcFailureOf } from '../status-error.trailers';
import { drainServer } from './server.drain';
import {
  shuttingDown,
  type ServerEndpoint,
  type ServerRoutes,
  type UnaryServerTransport,
} from './unary-server-transport.port';

const passThrough = (bytes: Buffer): Buffer => bytes;

type GrpcJsCall = ServerUnaryCall<Buffer, Buffer> | ServerWritableStream<Buffer, Buffer>;

/** A grpc-js call as the routes see it. */
class GrpcJsInboundCall implements InboundCall {
  readonly deadline: number | undefined;

  constructor(
    readonly path: string,
    private readonly call: GrpcJsCall,
  ) {
    const deadline = Number(call.getDeadline());
    // grpc-js says "no deadline" with Infinity.
    this.deadline = Number.isFinite(deadline) ? deadline : undefined;
  }

  get metadata(): Metadata {
    return this.call.metadata;
  }

  get cancelled(): boolean {
    return this.call.cancelled;
  }

  header(key: string): string | undefined {
    const value = this.call.metadata.get(key)[0];
    return typeof value === 'string' ? value : undefined;
  }

  onCancel(listener: () => void): () => void {
    this.call.once('cancelled', listener);
    return () => void this.call.off('cancelled', listener);
  }
}

/** @grpc/grpc-js's server, serving the same routes as the lean one. */
export class GrpcJsServerTransport implements UnaryServerTransport {
  private server?: Server;
  private bound?: number;
  private readonly watches = new Set<() => void>();
  private draining?: Promise<void>;

  get port(): number | undefined {
    return this.bound;
  }

  async listen({ host, port }: ServerEndpoint, routes: ServerRoutes): Promise<void> {
    const server = new Server();
    for (const [path, route] of routes.unary) {
      const handler = (call: ServerUnaryCall<Buffer, Buffer>, reply: sendUnaryData<Buffer>) =>
        void route(call.request, new GrpcJsInboundCall(path, call)).then(
          (response) => reply(null, response),
          (error: unknown) => reply(grpcFailureOf(error)),
        );
      server.register(path, handler, passThrough, passThrough, 'unary');
    }
    for (const [path, route] of routes.watch) {
      const handler = (call: ServerWritableStream<Buffer, Buffer>) => {
        if (this.draining) return void call.emit('error', grpcFailureOf(shuttingDown()));
        const stopRoute = route(
          call.request,
          (m) => call.write(m),
          new GrpcJsInboundCall(path, call),
        );
        const stop = () => {
          this.watches.delete(stop);
          stopRoute();
          call.emit('error', grpcFailureOf(shuttingDown()));
        };
        this.watches.add(stop);
        call.once('cancelled', () => {
          if (this.watches.delete(stop)) stopRoute();
        });
      };
      server.register(path, handler, passThrough, passThrough, 'serverStream');
    }
    this.bound = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.server = server;
  }

  drain(timeoutMs: number): Promise<void> {
    const server = this.server;
    this.draining ??= drainServer(
      server && { close: (done) => server.tryShutdown(done), force: () => server.forceShutdown() },
      this.watches,
      timeoutMs,
    );
    return this.draining;
  }
}
