import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { request } from 'node:http';

/** True when GET `url` answers 2xx. */
export function httpOk(url: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

const HealthClient = makeGenericClientConstructor(healthService, 'Health');
type CheckCall = (
  request: { service: string },
  options: { deadline: number },
  callback: (error: Error | null, response?: { status?: string }) => void,
) => void;

/** True when the gRPC server at `host:port` reports SERVING (grpc.health.v1, overall status). */
export function grpcServing(address: string, timeoutMs = 1000): Promise<boolean> {
  const client: Client = new HealthClient(address, credentials.createInsecure());
  const check = (client as unknown as { check: CheckCall }).check.bind(client);
  return new Promise<boolean>((resolve) => {
    check({ service: '' }, { deadline: Date.now() + timeoutMs }, (error, response) =>
      resolve(!error && response?.status === 'SERVING'),
    );
  }).finally(() => client.close());
}
