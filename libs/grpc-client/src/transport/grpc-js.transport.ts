import { Client, credentials, Metadata, status as Status, type ServiceError } from '@grpc/grpc-js';
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

/**
 * The failure with the response headers under its trailers. grpc-js gives
 * only the trailers; a proxy's 503 that came with a body has none, and its
 * `Retry-After` is in the headers. Trailers win where both have a key, as in
 * the http2 transport.
 */
function failureOf(error: ServiceError, headers: Metadata | undefined): TransportFailure {
  const metadata = headers ? withHeaders(error.metadata, headers) : error.metadata;
  const unreachable = error.code === Status.UNAVAILABLE && UNREACHABLE_DETAILS.test(error.details);
  return unreachable
    ? { code: error.code, details: error.details, metadata, unreachable }
    : { code: error.code, details: error.details, metadata };
}

function withHeaders(trailers: Metadata | undefined, headers: Metadata): Metadata {
  const merged = trailers?.clone() ?? new Metadata();
  for (const [key, values] of Object.entries(headers.toJSON()))
    if (merged.get(key).length === 0) for (const value of values) merged.add(key, value);
  return merged;
}

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
      let headers: Metadata | undefined;
      client
        .makeUnaryRequest(
          path,
          passThrough,
          passThrough,
          request,
          metadata,
          { deadline },
          (error, response) =>
            error ? reject(failureOf(error, headers)) : resolve(response as Buffer),
        )
        .on('metadata', (received: Metadata) => (headers = received));
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
