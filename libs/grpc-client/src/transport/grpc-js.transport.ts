import { Client, credentials, type Metadata } from '@grpc/grpc-js';
import type { UnaryTransport } from './unary-transport.port';

const passThrough = (bytes: Buffer): Buffer => bytes;

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
        (error, response) => (error ? reject(error) : resolve(response as Buffer)),
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
