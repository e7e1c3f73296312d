import { spawn } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';

const PROBE = path.join(__dirname, 'health-probe.mjs');

/** Runs the probe as a container's healthcheck does; its exit code and what it said. */
const probe = (target: string): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [PROBE, target], {
      env: { ...process.env, HEALTH_PROBE_TIMEOUT_MS: '1500' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });

describe('health-probe.mjs', () => {
  let server: grpc.Server;
  let health: HealthImplementation;
  let grpcPort: number;
  let http: HttpServer;
  let httpPort: number;

  beforeAll(async () => {
    health = new HealthImplementation({ '': 'SERVING', 'catalog.v1.CatalogService': 'SERVING' });
    server = new grpc.Server();
    health.addToServer(server);
    grpcPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    http = createServer((request, response) => {
      response.statusCode = request.url === '/readyz' ? 503 : 200;
      response.end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    httpPort = (http.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.forceShutdown();
    await new Promise((resolve) => http.close(resolve));
  });

  it('passes while gRPC health says SERVING, overall or for a named service', async () => {
    expect(await probe(`grpc://127.0.0.1:${grpcPort}`)).toEqual({ code: 0, stderr: '' });
    expect((await probe(`grpc://127.0.0.1:${grpcPort}/catalog.v1.CatalogService`)).code).toBe(0);
  });

  it('fails on NOT_SERVING (a draining service), an unknown service and a closed port', async () => {
    health.setStatus('', 'NOT_SERVING');
    try {
      expect(await probe(`grpc://127.0.0.1:${grpcPort}`)).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('health status 2'),
      });
    } finally {
      health.setStatus('', 'SERVING');
    }
    expect(await probe(`grpc://127.0.0.1:${grpcPort}/nope.v1.Nope`)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('grpc-status 5'),
    });
    expect((await probe('grpc://127.0.0.1:1')).code).toBe(1);
  });

  it('checks HTTP for a 2xx and TCP for a connection; refuses anything else', async () => {
    expect((await probe(`http://127.0.0.1:${httpPort}/healthz`)).code).toBe(0);
    expect(await probe(`http://127.0.0.1:${httpPort}/readyz`)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('HTTP 503'),
    });
    expect((await probe(`tcp://127.0.0.1:${httpPort}`)).code).toBe(0);
    expect((await probe('tcp://127.0.0.1:1')).code).toBe(1);
    expect((await probe('ftp://127.0.0.1:21')).code).toBe(2);
  });
});
