import { healthV1 } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import { connectUpstream, GrpcJsTransport } from '@junction/grpc-client';
import { request } from 'node:http';

/** True when GET `url` answers 2xx. */
export function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** A grpc.health.v1 client for one address; close it when done. */
export function healthClient(address: string) {
  const transport = new GrpcJsTransport();
  const client = connectUpstream(healthV1.HealthDefinition, {
    upstream: 'health',
    resolver: new StaticResolver({ health: [address] }),
    transport,
    defaultTimeoutMs: 1000,
  });
  return {
    /** The overall serving status ('' service), or the error code's name. */
    async status(
      service = '',
    ): Promise<healthV1.HealthCheckResponse_ServingStatus | 'UNREACHABLE'> {
      try {
        return (await client.check({ service })).status;
      } catch {
        return 'UNREACHABLE';
      }
    },
    close: () => transport.close(),
  };
}

/** True when the gRPC server at `address` reports SERVING. */
export async function grpcServing(address: string): Promise<boolean> {
  const health = healthClient(address);
  try {
    return (await health.status()) === healthV1.HealthCheckResponse_ServingStatus.SERVING;
  } finally {
    health.close();
  }
}
