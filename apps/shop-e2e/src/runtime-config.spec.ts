import { waitUntil, WORKSPACE_ROOT } from '@junction/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_PORTS } from './support/e2e-ports';
import { http } from './support/http';

const KEY = `http://127.0.0.1:${E2E_PORTS.registry}/v1/kv/junction/config/gateway`;
const setConfig = async (json: string) =>
  expect((await fetch(KEY, { method: 'PUT', body: json })).status).toBe(200);
const clearConfig = () => fetch(KEY, { method: 'DELETE' });
const gatewayLog = () =>
  readFileSync(path.join(WORKSPACE_ROOT, 'tmp', 'e2e-logs', 'gateway.log'), 'utf8');

interface Product {
  degraded: string[];
  rating: unknown;
}

describe('runtime configuration from Consul KV', () => {
  afterEach(async () => {
    await clearConfig();
    await waitUntil(
      async () => (await http<Product>('/api/v1/products/2')).body.degraded?.length === 0,
      {
        what: 'the defaults back in force',
      },
    );
  });

  it('skips an upstream switched off at runtime, degrading its section', async () => {
    await setConfig('{"upstreams":{"reviews":{"forceDegraded":true}}}');
    const res = await waitUntil(
      async () => {
        const r = await http<Product>('/api/v1/products/2');
        return r.body.degraded?.includes('reviews') ? r : undefined;
      },
      { what: 'reviews degraded by configuration' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-degraded')).toBe('reviews');
    expect(res.body.rating).toBeNull();
  });

  it("applies a route's timeout at runtime", async () => {
    await setConfig('{"routes":{"GET /api/v1/products/:id":{"timeoutMs":1}}}');
    // A product never read before each time: one read earlier would be
    // served from the catalog's stale-if-error copy instead of failing.
    let id = 40;
    const res = await waitUntil(
      async () => {
        const r = await http(`/api/v1/products/${(id += 1)}`);
        return r.status === 504 ? r : undefined;
      },
      { what: 'the 1 ms budget in force' },
    );
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    // Other routes keep the default budget.
    expect((await http('/api/v1/products?pageSize=2')).status).toBe(200);
  });

  it('refuses an invalid value and keeps the last good configuration', async () => {
    await setConfig('{"upstreams":{"reviews":{"forceDegraded":true}}}');
    await waitUntil(
      async () => (await http<Product>('/api/v1/products/2')).body.degraded?.includes('reviews'),
      {
        what: 'the valid configuration applied',
      },
    );
    await setConfig('{"upstreams":{"reviews":{"forceDegrade":false}}}');
    await waitUntil(() => gatewayLog().includes('refused'), { what: 'the refusal logged' });
    expect((await http<Product>('/api/v1/products/2')).body.degraded).toEqual(['reviews']);
  });
});
