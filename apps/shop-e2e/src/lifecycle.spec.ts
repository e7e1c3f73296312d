import {
  awaitReady,
  grpcServing,
  healthClient,
  startApp,
  waitUntil,
  type ShopPorts,
} from '@junction/testing';
import { E2E_PORTS } from './support/e2e-ports';

// A second catalog of its own, so stopping it leaves the shared stack alone.
const ports: ShopPorts = { ...E2E_PORTS, catalog: 21061 };
const address = `127.0.0.1:${ports.catalog}`;

describe('service lifecycle', () => {
  it('serves health, and on SIGTERM turns NOT_SERVING, drains and exits 0', async () => {
    const catalog = startApp('catalog', { ports, env: { LOG_LEVEL: 'info' } });
    try {
      await awaitReady(catalog, () => grpcServing(address), 20_000);
      const health = healthClient(address);
      expect(await health.status('catalog.v1.CatalogService')).toBe('SERVING');
      health.close();

      catalog.signal('SIGTERM');
      const { code, signal } = await catalog.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      const draining = catalog.lines.findIndex((line) => line.includes('NOT_SERVING, draining'));
      const stopped = catalog.lines.findIndex((line) => line.includes('"msg":"stopped"'));
      expect(draining).toBeGreaterThan(-1);
      expect(stopped).toBeGreaterThan(draining);
      expect(
        await waitUntil(async () => !(await grpcServing(address)), { what: 'port closed' }),
      ).toBe(true);
    } finally {
      await catalog.stop();
    }
  });
});
