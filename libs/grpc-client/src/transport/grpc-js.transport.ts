import { Client, credentials, status as Status, type ServiceError } from '@grpc/grpc-js';
import type { Metadata } from '@grpc/grpc-js';
import type { TransportFailure, UnaryTransport } from './unary-transport.port';

const passThrough = (bytes: Buffer): Buffer => bytes;

/**
 * grpc-js tells only in its own text that it never reached the server ("No
 * connection established", at times after a load-balancer name) or lost the
 * connection before the answer ("Connection dropped", or the socket error
 * itself, as "read ECONNRESET"). Anchored, so a server's UNAVAILABLE that
 * merely mentions such an error (say, about its own database) does not match.
 */
const UNREACHABLE_DETAILS =
  /^(\w+: )?No connection established|^Connection dropped$|^(read|write) (ECONNRESET|ETIMEDOUT)$/;

const failureOf = (error: ServiceError): TransportFailure | ServiceError =>
  error.code === Status.UNAVAILABLE && UNREACHABLE_DETAILS.test(error.details)
    ? { code: error.code, details: error.details, metadata: error.metadata, unreachable: true }
    : error;

/** @grpc/grpc-js, one channel per address, kept for the process's life. */
export class GrpcJsTransport implements UnaryTransport {
  private readonly channels = new Map<string, Client>();

  call(
    address: string,
    path: string,
    request: Buffer,
    metadata: Metadata,
    deadline: number,
  ): Promise<Buffer> {
    const client = this.channelTo(address);
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(
        path,
        passThrough,
        passThrough,
        request,
        metadata,
        { deadline },
        (error, response) => (error ? reject(failureOf(error)) : resolve(response as Buffer)),
      );
    });
  }

  close(): void {
    for (const client of this.channels.values()) client.close();
    this.channels.clear();
  }

  private channelTo(address: string): Client {
    let client = this.channels.get(address);
    if (!client) {
      client = new Client(address, credentials.createInsecure(), {
        // Fail fast instead of queueing while an instance is down.
        'grpc.enable_retries': 0,
      });
      this.channels.set(address, client);
    }
    return client;
  }
}
