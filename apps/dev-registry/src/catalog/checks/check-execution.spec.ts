import { Server, ServerCredentials } from '@grpc/grpc-js';
import { waitUntil } from '@junction/testing';
import { HealthImplementation } from 'grpc-health-check';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { startCatalogRegistry, type CatalogTestRegistry } from '../catalog-test-registry.fixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('check execution', () => {
  let reg: CatalogTestRegistry;
  const closers: (() => Promise<void> | void)[] = [];
  beforeEach(async () => {
    reg = await startCatalogRegistry();
  });
  afterEach(async () => {
    await reg.close();
    for (const close of closers.splice(0)) await close();
  });

  const agentCheck = async (id: string): Promise<Json | undefined> =>
    (await reg.api('GET', '/v1/agent/checks')).json<Json>()[id];
  const statusBecomes = (id: string, status: string): Promise<Json> =>
    waitUntil(
      async () => {
        const check = await agentCheck(id);
        return check?.Status === status ? check : undefined;
      },
      { what: `${id} ${status}` },
    );

  async function httpServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server: HttpServer = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("expires a TTL check with Consul's texts", async () => {
    await reg.register({
      Name: 't',
      Checks: [
        { CheckID: 'plain', TTL: '5s' },
        { CheckID: 'noted', TTL: '5s' },
      ],
    });
    await reg.api('PUT', '/v1/agent/check/pass/noted?note=all good');
    // Already critical since registration: the expiry only changes the output.
    await waitUntil(async () => (await agentCheck('plain'))?.Output === 'TTL expired', {
      what: 'plain expiry',
    });
    expect((await statusBecomes('noted', 'critical')).Output).toBe(
      'TTL expired (last output before timeout follows): all good',
    );
  });

  it('maps HTTP 2xx / 429 / 5xx to passing / warning / critical with the output line', async () => {
    let code = 200;
    const url = await httpServer((req, res) => {
      res
        .writeHead(code, { 'Content-Type': 'text/plain' })
        .end(`seen ${req.headers['user-agent']}`);
    });
    await reg.register({
      Name: 'h',
      Check: { CheckID: 'h', HTTP: `${url}/health`, Interval: '1s' },
    });
    expect((await statusBecomes('h', 'passing')).Output).toBe(
      `HTTP GET ${url}/health: 200 OK Output: seen Consul Health Check`,
    );
    code = 429;
    await statusBecomes('h', 'warning');
    code = 503;
    expect((await statusBecomes('h', 'critical')).Output).toContain('503 Service Unavailable');
  });

  it('sends Method, Header and Body and marks a refused connection critical', async () => {
    let seen = '';
    const url = await httpServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = `${req.method} ${req.headers['x-probe']} ${body}`;
        res.end();
      });
    });
    await reg.register({
      Name: 'm',
      Checks: [
        {
          CheckID: 'm',
          HTTP: url,
          Method: 'POST',
          Header: { 'X-Probe': ['yes'] },
          Body: 'ping',
          Interval: '1s',
        },
        { CheckID: 'refused', HTTP: 'http://127.0.0.1:1/', Interval: '1s', Status: 'passing' },
      ],
    });
    await statusBecomes('m', 'passing');
    expect(seen).toBe('POST yes ping');
    expect((await statusBecomes('refused', 'critical')).Output).toBe(
      'Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused',
    );
  });

  it('checks TCP connectivity', async () => {
    const server = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    await reg.register({ Name: 'tcp', Check: { CheckID: 'tcp', TCP: address, Interval: '1s' } });
    expect((await statusBecomes('tcp', 'passing')).Output).toBe(`TCP connect ${address}: Success`);
  });

  it('checks gRPC health: SERVING passes, anything else is critical', async () => {
    const health = new HealthImplementation({ '': 'SERVING', shop: 'NOT_SERVING' });
    const server = new Server();
    health.addToServer(server);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    closers.push(() => void server.forceShutdown());
    const target = `127.0.0.1:${port}`;
    await reg.register({
      Name: 'g',
      Checks: [
        { CheckID: 'whole', GRPC: target, Interval: '1s' },
        { CheckID: 'shop', GRPC: `${target}/shop`, Interval: '1s', Status: 'passing' },
      ],
    });
    expect((await statusBecomes('whole', 'passing')).Output).toBe(`gRPC check ${target}: success`);
    expect((await statusBecomes('shop', 'critical')).Output).toBe(
      `gRPC ${target}/shop serving status: NOT_SERVING`,
    );
  });

  it('deregisters a service whose check stayed critical past DeregisterCriticalServiceAfter', async () => {
    await reg.register({
      Name: 'doomed',
      Check: { CheckID: 'd', TTL: '1s', DeregisterCriticalServiceAfter: '1ms' },
    });
    await waitUntil(
      async () => !('doomed' in (await reg.api('GET', '/v1/agent/services')).json<Json>()),
      { what: 'reaped' },
    );
  });

  it('never reaps a service that is only critical since registration', async () => {
    await reg.register({
      Name: 'fresh',
      // A TTL check starts critical and, with 1 h × 0.01 = 36 s, expires in no test's lifetime.
      // (Not an HTTP check: its first probe comes after a random stagger that may be short.)
      Check: { CheckID: 'f', TTL: '1h', DeregisterCriticalServiceAfter: '1ms' },
    });
    // Several reaper rounds (300 ms each) run meanwhile.
    const started = Date.now();
    await waitUntil(() => Date.now() - started > 1000, { what: 'reaper rounds' });
    expect((await reg.api('GET', '/v1/agent/services')).json<Json>()).toHaveProperty('fresh');
  });

  it('defers output-only changes in health reads while the agent shows them at once', async () => {
    await reg.close();
    reg = await startCatalogRegistry(0.001);
    await reg.register({ Name: 'out', Check: { CheckID: 'o', TTL: '10m' } });
    await reg.api('PUT', '/v1/agent/check/pass/o?note=one');
    await reg.api('PUT', '/v1/agent/check/pass/o?note=two');
    const healthOutput = async () =>
      (await reg.api('GET', '/v1/health/service/out')).json<Json[]>()[0].Checks[1].Output;
    expect((await agentCheck('o'))?.Output).toBe('two');
    expect(await healthOutput()).toBe('one');
    // 2.5–7.5 min × 0.001 = 150–450 ms.
    await waitUntil(async () => (await healthOutput()) === 'two', { what: 'deferred output' });
  });
});
