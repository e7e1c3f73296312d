// Writes through the console into a real dev registry's KV (a child process;
// build it first: npx nx run dev-registry:build).
import type { ServicesView } from '@junction/console-api';
import { putKv, runDevRegistry, type RunningDevRegistry } from '@junction/testing';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole, TEST_TOKEN } from '../console.fixture';

jest.setTimeout(30_000);

describe('writes through Consul KV', () => {
  let registry: RunningDevRegistry;
  let consoleApp: RunningConsole;

  const put = (path: string, body: unknown) =>
    send(consoleApp.url, {
      method: 'PUT',
      path,
      body,
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
  /** The key's document as Consul holds it, or undefined. */
  const kv = async (key: string): Promise<unknown> => {
    const res = await fetch(`${registry.address}/v1/kv/${key}?raw`);
    return res.status === 404 ? undefined : JSON.parse(await res.text());
  };

  beforeAll(async () => {
    registry = await runDevRegistry({ port: 23291, env: { LOG_LEVEL: 'warn' } });
    consoleApp = await startTestConsole({ CONSUL_HTTP_ADDR: registry.address });
  });
  afterAll(async () => {
    await consoleApp?.close();
    await registry?.stop();
  });

  describe('PUT /api/breakers/{upstream}', () => {
    it('merges each command with what is there, and deletes the key when nothing is forced', async () => {
      const key = 'junction/breakers/reviews';
      let res = await put('/api/breakers/reviews', { state: 'open', method: 'GetSummary' });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ key, value: { methods: { GetSummary: 'open' } } });
      expect(await kv(key)).toEqual({ methods: { GetSummary: 'open' } });

      await put('/api/breakers/reviews', { state: 'closed' });
      expect(await kv(key)).toEqual({ state: 'closed', methods: { GetSummary: 'open' } });

      await put('/api/breakers/reviews', { state: 'auto', method: 'GetSummary' });
      expect(await kv(key)).toEqual({ state: 'closed' });

      res = await put('/api/breakers/reviews', { state: 'auto' });
      expect(res.json()).toEqual({ key, value: null });
      expect(await kv(key)).toBeUndefined();
    });

    it.each([
      [{ state: 'half-open' }, 'state'],
      [{ state: 'open', method: 'not a method!' }, 'methods'],
      [{ state: 'open', extra: 1 }, 'extra'],
    ])('refuses %j naming the problem, and writes nothing', async (body, field) => {
      const res = await put('/api/breakers/inventory', body);
      expect(res.status).toBe(400);
      expect(res.json<{ errors: string[] }>().errors.join('\n')).toContain(field);
      expect(await kv('junction/breakers/inventory')).toBeUndefined();
    });

    it('refuses an upstream name that is not one (no KV path games)', async () => {
      expect((await put('/api/breakers/a%2Fb', { state: 'open' })).status).toBe(400);
      expect((await put('/api/breakers/.hidden', { state: 'open' })).status).toBe(400);
      expect((await put('/api/breakers/a%20b', { state: 'open' })).status).toBe(400);
    });

    it('refuses to merge into a document the callers would refuse', async () => {
      await putKv(registry.address, 'junction/breakers/orders', { state: 'sideways' });
      const res = await put('/api/breakers/orders', { state: 'open' });
      expect(res.status).toBe(409);
      expect(await kv('junction/breakers/orders')).toEqual({ state: 'sideways' });
    });

    it('is what /api/services reports as forced', async () => {
      await put('/api/breakers/catalog', { state: 'closed', method: 'GetProduct' });
      const view = (await send(consoleApp.url, { path: '/api/services' })).json<ServicesView>();
      // No caller instance exposes metrics here, so no breaker rows; the KV write is what counts.
      expect(view.breakers).toEqual([]);
      expect(await kv('junction/breakers/catalog')).toEqual({ methods: { GetProduct: 'closed' } });
    });
  });

  describe('PUT /api/faults/{service}', () => {
    it('writes a valid fault document and reads it back', async () => {
      const faults = { errorRate: 0.5, errorCode: 'UNAVAILABLE', methods: ['GetProduct'] };
      const res = await put('/api/faults/catalog', faults);
      expect(res.status).toBe(200);
      expect(await kv('junction/faults/catalog')).toEqual(faults);
      const read = await send(consoleApp.url, { path: '/api/faults/catalog' });
      expect(read.json()).toEqual(faults);
      expect((await send(consoleApp.url, { path: '/api/faults/reviews' })).status).toBe(404);
    });

    it('refuses what faultConfigSchema refuses, with the reason, and writes nothing', async () => {
      const res = await put('/api/faults/inventory', { errorRate: 2, latencyMS: 5 });
      expect(res.status).toBe(400);
      const errors = res.json<{ errors: string[] }>().errors.join('\n');
      expect(errors).toContain('errorRate');
      expect(errors).toContain('latencyMS');
      expect(await kv('junction/faults/inventory')).toBeUndefined();
    });
  });

  describe('PUT /api/config/{app}', () => {
    it('writes runtime config the app’s own schema accepts', async () => {
      const config = { upstreams: { inventory: { timeoutMs: 800 } } };
      expect((await put('/api/config/orders', config)).status).toBe(200);
      expect(await kv('junction/config/orders')).toEqual(config);
      expect((await send(consoleApp.url, { path: '/api/config/orders' })).json()).toEqual(config);
    });

    it('refuses a document the gateway would refuse, and leaves what was there', async () => {
      await putKv(registry.address, 'junction/config/gateway', { shedding: { maxInFlight: 100 } });
      const res = await put('/api/config/gateway', { shedding: { maxInFlight: 0 }, routez: {} });
      expect(res.status).toBe(400);
      const errors = res.json<{ errors: string[] }>().errors.join('\n');
      expect(errors).toContain('shedding.maxInFlight');
      expect(errors).toContain('routez');
      expect(await kv('junction/config/gateway')).toEqual({ shedding: { maxInFlight: 100 } });
    });

    it('knows no runtime config for an app without one', async () => {
      expect((await put('/api/config/catalog', {})).status).toBe(404);
      expect((await send(consoleApp.url, { path: '/api/config/catalog' })).status).toBe(404);
    });

    it('refuses a body that is not JSON with a 400 problem', async () => {
      const res = await send(consoleApp.url, {
        method: 'PUT',
        path: '/api/config/orders',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: '{"upstreams": ',
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
