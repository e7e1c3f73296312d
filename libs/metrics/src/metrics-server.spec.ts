import { Counter, Registry } from 'prom-client';
import { startMetricsServer, type MetricsServer } from './metrics-server';

describe('metrics server', () => {
  const registry = new Registry();
  const requests = new Counter({
    name: 'test_requests_total',
    help: 'Requests seen',
    labelNames: ['route'],
    registers: [registry],
  });
  let server: MetricsServer;

  beforeAll(async () => {
    requests.inc({ route: '/a' }, 3);
    server = await startMetricsServer({ registry, host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('advertises its bound port when asked for any free one', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/metrics`);
    expect((await fetch(server.url)).status).toBe(200);
  });

  it("serves Prometheus' text format to Prometheus", async () => {
    const res = await fetch(server.url, {
      headers: {
        accept:
          'application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.2,*/*;q=0.1',
      },
    });
    expect(res.headers.get('content-type')).toBe(registry.contentType);
    expect(await res.text()).toContain('test_requests_total{route="/a"} 3');
  });

  it("serves prom-client's JSON to whoever asks for application/json", async () => {
    const res = await fetch(server.url, { headers: { accept: 'application/json' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toContainEqual(
      expect.objectContaining({
        name: 'test_requests_total',
        type: 'counter',
        values: [{ labels: { route: '/a' }, value: 3 }],
      }),
    );
  });

  it('answers other paths 404 and other methods 405', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    const post = await fetch(server.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 500 without internals when collecting fails, and keeps serving', async () => {
    const failing = new Registry();
    new Counter({
      name: 'test_broken_total',
      help: 'Throws when collected',
      registers: [failing],
      collect() {
        throw new Error('secret detail');
      },
    });
    const broken = await startMetricsServer({ registry: failing, host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(broken.url);
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('secret');
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      await broken.close();
    }
  });

  it('refuses to start on a port already taken', async () => {
    await expect(
      startMetricsServer({ registry, host: '127.0.0.1', port: server.port }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
