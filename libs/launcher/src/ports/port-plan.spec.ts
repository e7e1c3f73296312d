import { createServer, type Server } from 'node:net';
import type { AppDefinition } from '../apps/app-set';
import { freePorts } from '../testing/child-processes.fixture';
import { isPortFree, MAX_LISTEN_PORT, nextFreePort } from './free-port';
import { planPorts } from './port-plan';

const app = (name: string, role: AppDefinition['role']): AppDefinition => ({
  name,
  project: name,
  role,
  main: `apps/${name}/dist/main.js`,
});
const SHOP = [
  app('registry', 'registry'),
  app('console', 'console'),
  app('catalog', 'service'),
  app('inventory', 'service'),
  app('orders', 'service'),
  app('reviews', 'service'),
  app('gateway', 'gateway'),
];
/** A machine where exactly these ports are taken (the plan's logic, apart from this host's state). */
const busy =
  (...ports: number[]) =>
  async (port: number) =>
    !ports.includes(port);

describe('planPorts', () => {
  it('uses the documented defaults and gives each instrumented app its own metrics port', async () => {
    const plan = await planPorts(SHOP, {}, { isFree: busy() });
    expect(plan.apps).toEqual({
      registry: 8500,
      console: 8090,
      catalog: 9101,
      inventory: 9102,
      orders: 9104,
      reviews: 9103,
      gateway: 8080,
    });
    expect(plan.consoleOtlp).toBe(4318);
    expect(Object.keys(plan.metrics!).sort()).toEqual([
      'catalog',
      'gateway',
      'inventory',
      'orders',
      'reviews',
    ]);
    const metricsPorts = Object.values(plan.metrics!);
    expect(new Set(metricsPorts).size).toBe(5);
    for (const port of metricsPorts) expect(port).toBeLessThanOrEqual(MAX_LISTEN_PORT);
  });

  it('takes <NAME>_PORT, CONSOLE_OTLP_PORT and <NAME>_METRICS_PORT overrides', async () => {
    const plan = await planPorts(
      SHOP,
      {
        GATEWAY_PORT: '18080',
        CATALOG_PORT: '19101',
        CONSOLE_OTLP_PORT: '14318',
        REVIEWS_METRICS_PORT: '19300',
      },
      { isFree: busy() },
    );
    expect(plan.apps).toMatchObject({ gateway: 18080, catalog: 19101, inventory: 9102 });
    expect(plan.consoleOtlp).toBe(14318);
    expect(plan.metrics!.reviews).toBe(19300);
  });

  it('puts the registry on the port CONSUL_HTTP_ADDR names', async () => {
    const plan = await planPorts(
      SHOP,
      { REGISTRY_PORT: '8600' },
      { isFree: busy(), registryPort: 18500 },
    );
    expect(plan.apps.registry).toBe(18500);
  });

  it('gives a service without a documented port the next free one after 9104', async () => {
    const apps = [...SHOP, app('payments', 'service'), app('shipping', 'service')];
    const plan = await planPorts(apps, { INVENTORY_PORT: '9106' }, { isFree: busy(9105) });
    // 9105 is in use on the machine, 9106 is inventory's: payments and shipping come after.
    expect(plan.apps.payments).toBe(9107);
    expect(plan.apps.shipping).toBe(9108);
  });

  it('keeps metrics ports off every app port and off ports in use', async () => {
    const plan = await planPorts(SHOP, { GATEWAY_PORT: '9200' }, { isFree: busy(9201) });
    const metrics = Object.values(plan.metrics!);
    expect(metrics).not.toContain(9200);
    expect(metrics).not.toContain(9201);
    expect(Math.min(...metrics)).toBe(9202);
  });

  it('refuses two apps on one port, naming the variables that move them', async () => {
    await expect(planPorts(SHOP, { REVIEWS_PORT: '9101' }, { isFree: busy() })).rejects.toThrow(
      'catalog and reviews both want port 9101: set CATALOG_PORT or REVIEWS_PORT',
    );
  });

  it('refuses a fixed port that something else holds', async () => {
    await expect(planPorts(SHOP, {}, { isFree: busy(8080) })).rejects.toThrow(
      'port 8080 (gateway) is in use on 127.0.0.1: stop what holds it or set GATEWAY_PORT',
    );
  });

  it.each(['http', '0', '70000', '80.5'])('refuses GATEWAY_PORT=%s', async (value) => {
    await expect(planPorts(SHOP, { GATEWAY_PORT: value }, { isFree: busy() })).rejects.toThrow(
      `GATEWAY_PORT must be a port number, got "${value}"`,
    );
  });
});

describe('free ports on this machine', () => {
  let server: Server;
  let held: number;
  beforeAll(async () => {
    [held] = await freePorts(1);
    server = createServer();
    await new Promise<void>((resolve) => server.listen(held, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sees a port that is listened on as taken, and skips it', async () => {
    expect(await isPortFree(held, '127.0.0.1')).toBe(false);
    const next = await nextFreePort(held, new Set(), '127.0.0.1');
    expect(next).toBeGreaterThan(held);
    expect(await isPortFree(next, '127.0.0.1')).toBe(true);
  });

  it('skips ports already planned', async () => {
    const next = await nextFreePort(held, new Set([held + 1]), '127.0.0.1');
    expect(next).not.toBe(held + 1);
  });
});
