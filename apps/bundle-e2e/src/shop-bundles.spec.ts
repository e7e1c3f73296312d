import {
  shopServices,
  startShop,
  waitUntil,
  WORKSPACE_ROOT,
  type RunningShop,
} from '@junction/testing';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { copyBundles, type BareBundles } from './support/bare-bundles';
import { BUNDLED_CONSOLE_PORTS, BUNDLED_SHOP_PORTS } from './support/bundle-ports';

const CONSOLE = `http://127.0.0.1:${BUNDLED_CONSOLE_PORTS.port}`;

interface TraceView {
  spans: { service: string }[];
}

/**
 * npm start's whole app set (registry, console, every service, gateway),
 * each from its bundle in one folder with no node_modules.
 */
describe('the shop run from bundles', () => {
  let bundles: BareBundles;
  let shop: RunningShop | undefined;

  beforeAll(async () => {
    bundles = copyBundles(['dev-registry', 'console', ...shopServices(), 'gateway']);
    shop = await startShop({
      ports: BUNDLED_SHOP_PORTS,
      bundlesDir: bundles.dir,
      console: { ...BUNDLED_CONSOLE_PORTS, token: randomBytes(16).toString('hex') },
      // NODE_PATH would let a bundle find the workspace's packages after all.
      env: { NODE_PATH: undefined, OTEL_BSP_SCHEDULE_DELAY: '100' },
    });
  });
  afterAll(async () => {
    await shop?.stop();
    bundles?.remove();
  });

  it('runs every app as plain `node <project>/main.js` from the bare folder', () => {
    expect(shop!.processes.size).toBe(shopServices().length + 3);
    for (const proc of shop!.processes.values()) {
      expect(proc.spec.args).toHaveLength(1);
      expect(path.dirname(path.dirname(proc.spec.args[0]))).toBe(bundles.dir);
      expect(proc.spec.cwd).toBe(bundles.dir);
    }
  });

  it('answers a product aggregated from catalog, inventory and reviews, traced across them', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`${shop!.gatewayUrl}/api/v1/products/7`, {
      // Sampled, so every hop exports its span: proof each bundle started its telemetry.
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: '7',
      stock: { available: expect.any(Number) },
      rating: { average: expect.any(Number) },
      degraded: [],
    });
    const services = async () => {
      const view = await fetch(`${CONSOLE}/api/traces/${traceId}`);
      if (view.status !== 200) return new Set<string>();
      return new Set(((await view.json()) as TraceView).spans.map((span) => span.service));
    };
    await waitUntil(
      async () => {
        const seen = await services();
        return ['gateway', 'catalog', 'inventory', 'reviews'].every((name) => seen.has(name));
      },
      { timeoutMs: 10_000, what: `spans of ${traceId} from the gateway and the three services` },
    );
  });

  it('creates an order through orders, catalog and inventory', async () => {
    const res = await fetch(`${shop!.gatewayUrl}/api/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': randomBytes(8).toString('hex'),
        'x-api-key': shop!.apiKey,
      },
      body: JSON.stringify({ items: [{ productId: '2', quantity: 1 }] }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'PENDING', items: [{ productId: '2' }] });
  });

  it("serves the API docs page and Swagger UI's assets from the gateway bundle", async () => {
    const page = await fetch(`${shop!.gatewayUrl}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const script = await fetch(`${shop!.gatewayUrl}/docs/swagger-ui-bundle.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  it("serves the console UI's built assets from the console bundle", async () => {
    const index = await fetch(`${CONSOLE}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(
      readFileSync(path.join(WORKSPACE_ROOT, 'apps', 'console-ui', 'dist', 'index.html'), 'utf8'),
    );
  });
});
