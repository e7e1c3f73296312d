import { FAST_DISCOVERY_ENV, startShop, type RunningShop, type ShopPorts } from '@junction/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOrder, request, stockOf, type Order } from './support/gateway-http';

const PORTS: ShopPorts = {
  registry: 28481,
  gateway: 28482,
  catalog: 28483,
  inventory: 28484,
  reviews: 28485,
  orders: 28486,
};

// `npm start`'s way: the launcher, no DATABASE_URL, every service on its
// embedded database in a folder on disk (.data/ there, a temp folder here).
describe('the embedded default across a stop and a start', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'junction-embedded-'));
  const start = () =>
    startShop({ ports: PORTS, env: { ...FAST_DISCOVERY_ENV, DATABASE_DIR: dir } });
  let shop: RunningShop | undefined;
  afterAll(async () => {
    await shop?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an order, its key and the stock it holds', async () => {
    shop = await start();
    const key = randomUUID();
    const items = [{ productId: '6', quantity: 2 }];
    const created = await createOrder(shop, items, key);
    expect(created.status).toBe(201);
    const available = (await stockOf(shop, '6')).available;
    await shop.stop();
    shop = undefined;
    expect(existsSync(path.join(dir, 'orders'))).toBe(true);
    expect(existsSync(path.join(dir, 'inventory'))).toBe(true);

    shop = await start();
    const read = await request<Order>(shop, `/api/v1/orders/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const replay = await createOrder(shop, items, key);
    expect([replay.status, replay.body.id]).toEqual([200, created.body.id]);
    expect((await stockOf(shop, '6')).available).toBe(available);
  });
});
