import { Server, ServerCredentials } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { grpcServing, httpOk } from './probes';

describe('readiness probes', () => {
  it('grpcServing follows a real grpc.health.v1 server, and is false when nothing listens', async () => {
    const health = new HealthImplementation({ '': 'NOT_SERVING' });
    const server = new Server();
    health.addToServer(server);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    try {
      expect(await grpcServing(`127.0.0.1:${port}`)).toBe(false);
      health.setStatus('', 'SERVING');
      expect(await grpcServing(`127.0.0.1:${port}`)).toBe(true);
    } finally {
      server.forceShutdown();
    }
    expect(await grpcServing(`127.0.0.1:${port}`, 300)).toBe(false);
  });

  it('httpOk is true for 2xx only', async () => {
    const server = createServer((req, res) =>
      res.writeHead(req.url === '/readyz' ? 200 : 503).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await httpOk(`http://127.0.0.1:${port}/readyz`)).toBe(true);
      expect(await httpOk(`http://127.0.0.1:${port}/other`)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(await httpOk(`http://127.0.0.1:${port}/readyz`)).toBe(false);
  });
});
